using CxCore.Domain;

namespace CxCore.Tests.Domain;

public sealed class ChannelTests
{
    [Theory]
    [InlineData("Web")]
    [InlineData("1web")]
    [InlineData("-web")]
    [InlineData("web site")]
    [InlineData("wéb")]
    [InlineData("")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void Invalid_channel_names_are_rejected_with_the_rule_and_the_value(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => new Channel(name));

        Assert.Equal("name", e.ParamName);
        Assert.StartsWith(
            $"Channel name must be 1-32 characters of lower-case letters, digits, '-' or '_', starting with a letter, but was '{name}'.",
            e.Message,
            StringComparison.Ordinal);
        Assert.False(Channel.IsValidName(name));
    }

    [Theory]
    [InlineData("kiosk")]
    [InlineData("a")]
    [InlineData("call-center_2")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void Valid_channel_names_are_accepted(string name)
    {
        Assert.True(Channel.IsValidName(name));
        Assert.Equal(name, new Channel(name).Name);
        Assert.Equal(name, new Channel(name).ToString());
    }

    [Fact]
    public void A_null_channel_name_is_invalid()
    {
        Assert.False(Channel.IsValidName(null));
        Assert.Throws<ArgumentException>(() => new Channel(null!));
    }

    [Fact]
    public void Well_known_channels_use_the_canonical_lower_case_names()
    {
        Assert.Equal(
            ["web", "app", "email", "sms", "phone", "chat", "chatbot", "store", "social", "delivery", "other"],
            new[] { Channel.Web, Channel.MobileApp, Channel.Email, Channel.Sms, Channel.Phone, Channel.Chat, Channel.Chatbot, Channel.Store, Channel.Social, Channel.Delivery, Channel.Other }.Select(c => c.Name));
    }

    [Fact]
    public void Channels_compare_by_name()
    {
        Assert.Equal(Channel.Web, new Channel("web"));
        Assert.True(default(Channel).IsEmpty);
        Assert.False(Channel.Web.IsEmpty);
    }

    [Fact]
    public void The_well_known_registry_lists_the_eleven_channels_in_name_order()
    {
        Assert.Equal(
            ["app", "chat", "chatbot", "delivery", "email", "other", "phone", "sms", "social", "store", "web"],
            ChannelRegistry.WellKnown.Channels.Select(c => c.Name));
    }

    [Theory]
    [InlineData("web", ServiceMode.SelfService)]
    [InlineData("phone", ServiceMode.Assisted)]
    [InlineData("chatbot", ServiceMode.Automated)]
    [InlineData("store", ServiceMode.Assisted)]
    [InlineData("sms", ServiceMode.Automated)]
    public void Well_known_channels_have_their_default_service_mode(string name, ServiceMode mode) =>
        Assert.Equal(mode, ChannelRegistry.WellKnown.DefaultModeOf(new Channel(name)));

    [Fact]
    public void With_returns_a_new_registry_that_knows_the_channel_and_leaves_the_original_unchanged()
    {
        var kiosk = new Channel("kiosk");
        var registry = ChannelRegistry.WellKnown.With(kiosk, ServiceMode.SelfService);

        Assert.True(registry.TryGet("kiosk", out var found));
        Assert.Equal(kiosk, found);
        Assert.True(registry.Contains(kiosk));
        Assert.Equal(ServiceMode.SelfService, registry.DefaultModeOf(kiosk));
        Assert.Equal(12, registry.Channels.Count);

        Assert.False(ChannelRegistry.WellKnown.TryGet("kiosk", out _));
        Assert.False(ChannelRegistry.WellKnown.Contains(kiosk));
        Assert.Equal(11, ChannelRegistry.WellKnown.Channels.Count);
    }

    [Fact]
    public void With_an_existing_channel_changes_its_default_mode()
    {
        var registry = ChannelRegistry.WellKnown.With(Channel.Chatbot, ServiceMode.SelfService);

        Assert.Equal(ServiceMode.SelfService, registry.DefaultModeOf(Channel.Chatbot));
        Assert.Equal(ServiceMode.Automated, ChannelRegistry.WellKnown.DefaultModeOf(Channel.Chatbot));
        Assert.Equal(11, registry.Channels.Count);
    }

    [Fact]
    public void With_rejects_a_default_channel_and_an_undefined_mode()
    {
        var empty = Assert.Throws<ArgumentException>(() => ChannelRegistry.WellKnown.With(default, ServiceMode.Assisted));
        Assert.Equal("channel", empty.ParamName);

        var mode = Assert.Throws<ArgumentOutOfRangeException>(() => ChannelRegistry.WellKnown.With(new Channel("kiosk"), (ServiceMode)7));
        Assert.Equal("defaultMode", mode.ParamName);
        Assert.StartsWith("defaultMode must be SelfService, Assisted or Automated, but was 7.", mode.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Web")]
    [InlineData("kiosk")]
    [InlineData("")]
    [InlineData(null)]
    public void TryGet_is_false_for_unregistered_or_differently_cased_names(string? name)
    {
        Assert.False(ChannelRegistry.WellKnown.TryGet(name, out var channel));
        Assert.True(channel.IsEmpty);
    }

    [Fact]
    public void TryGet_finds_a_well_known_channel_by_its_name()
    {
        Assert.True(ChannelRegistry.WellKnown.TryGet("chatbot", out var channel));
        Assert.Equal(Channel.Chatbot, channel);
    }

    [Fact]
    public void DefaultModeOf_an_unknown_channel_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => ChannelRegistry.WellKnown.DefaultModeOf(new Channel("kiosk")));

        Assert.Equal("channel", e.ParamName);
        Assert.StartsWith(
            "Channel 'kiosk' is not registered; expected one of: app, chat, chatbot, delivery, email, other, phone, sms, social, store, web.",
            e.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultModeOf_the_default_channel_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => ChannelRegistry.WellKnown.DefaultModeOf(default));
        Assert.StartsWith("Channel must not be the default (empty) value", e.Message, StringComparison.Ordinal);
        Assert.False(ChannelRegistry.WellKnown.Contains(default));
    }
}
