using CxCore.Domain;

namespace CxCore.Tests.Domain;

public sealed class InteractionTests
{
    private static Interaction Create(string kind = "purchase", DateTimeOffset? timestamp = null, Channel? channel = null) =>
        new(new InteractionId("e-1"), TestData.Customer, timestamp ?? TestData.T0, channel ?? Channel.Web, kind);

    private static Interaction WithText(string text) =>
        new(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "review") { Text = text };

    [Fact]
    public void A_valid_interaction_keeps_its_required_fields_and_defaults_the_rest()
    {
        var at = new DateTimeOffset(2024, 3, 1, 9, 15, 0, TimeSpan.FromHours(-3));
        var interaction = Create("support_request", at, Channel.Chatbot);

        Assert.Equal(new InteractionId("e-1"), interaction.Id);
        Assert.Equal(TestData.Customer, interaction.CustomerId);
        Assert.Equal(at, interaction.Timestamp);
        Assert.Equal(TimeSpan.FromHours(-3), interaction.Timestamp.Offset);
        Assert.Equal(Channel.Chatbot, interaction.Channel);
        Assert.Equal("support_request", interaction.Kind);
        Assert.Equal(InteractionOutcome.Unknown, interaction.Outcome);
        Assert.Null(interaction.Touchpoint);
        Assert.Null(interaction.Mode);
        Assert.Null(interaction.Text);
        Assert.True(interaction.Signals.IsEmpty);
        Assert.Empty(interaction.Attributes);
    }

    [Fact]
    public void A_default_timestamp_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Create(timestamp: default(DateTimeOffset)));

        Assert.Equal("timestamp", e.ParamName);
        Assert.StartsWith("timestamp must be set (it was the default value 0001-01-01T00:00:00+00:00).", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_channel_is_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => Create(channel: default(Channel)));

        Assert.Equal("channel", e.ParamName);
        Assert.StartsWith("Channel must not be the default (empty) value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kind_longer_than_64_characters_is_rejected_and_64_is_accepted()
    {
        Assert.Equal(64, Create(new string('k', 64)).Kind.Length);

        var e = Assert.Throws<ArgumentException>(() => Create(new string('k', 65)));
        Assert.Equal("kind", e.ParamName);
        Assert.StartsWith("kind must be at most 64 characters, but was 65 characters long.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_blank_kind_is_rejected(string kind)
    {
        var e = Assert.Throws<ArgumentException>(() => Create(kind));

        Assert.Equal("kind", e.ParamName);
        Assert.StartsWith($"kind must not be empty or white space, but was '{kind}'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_longer_than_32768_characters_is_rejected_and_32768_is_accepted()
    {
        Assert.Equal(Interaction.MaxTextLength, WithText(new string('t', 32_768)).Text!.Length);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => WithText(new string('t', 32_769)));
        Assert.Equal("text", e.ParamName);
        Assert.Equal(32_769, e.ActualValue);
        Assert.StartsWith("text must be at most 32768 characters, but was 32769.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_outcome_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "purchase")
        {
            Outcome = (InteractionOutcome)9,
        });

        Assert.Equal("outcome", e.ParamName);
        Assert.StartsWith("outcome must be Unknown, Succeeded, Failed or Abandoned, but was 9.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undefined_service_mode_is_rejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "purchase")
        {
            Mode = (ServiceMode)(-1),
        });

        Assert.Equal("mode", e.ParamName);
        Assert.StartsWith("mode must be SelfService, Assisted or Automated, but was -1.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_are_copied_so_later_changes_to_the_source_do_not_leak_in()
    {
        var source = new Dictionary<string, string> { ["region"] = "SP" };
        var interaction = new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "purchase") { Attributes = source };

        source["region"] = "RJ";
        source["campaign"] = "spring";

        Assert.Equal("SP", interaction.Attributes["region"]);
        Assert.Single(interaction.Attributes);
        var asDictionary = (IDictionary<string, string>)interaction.Attributes;
        Assert.True(asDictionary.IsReadOnly);
        Assert.Throws<NotSupportedException>(() => asDictionary["region"] = "MG");
        Assert.Throws<NotSupportedException>(() => asDictionary.Add("campaign", "spring"));
        Assert.Throws<NotSupportedException>(() => asDictionary.Remove("region"));
        Assert.Throws<NotSupportedException>(asDictionary.Clear);
        Assert.True(asDictionary.Contains(KeyValuePair.Create("region", "SP")));
        Assert.Equal(["region"], asDictionary.Keys);
        var copy = new KeyValuePair<string, string>[2];
        asDictionary.CopyTo(copy, 1);
        Assert.Equal(KeyValuePair.Create("region", "SP"), copy[1]);
        Assert.True(new Interaction(new InteractionId("e-2"), TestData.Customer, TestData.T0, Channel.Web, "purchase").Attributes is IDictionary<string, string> { IsReadOnly: true, Count: 0 });
    }

    [Fact]
    public void Attributes_from_a_source_whose_count_is_out_of_date_keep_what_it_enumerates()
    {
        var interaction = new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "purchase")
        {
            Attributes = new MiscountedMap(count: 1, ("a", "1"), ("b", "2"), ("c", "3")),
        };
        var fewer = new Interaction(new InteractionId("e-2"), TestData.Customer, TestData.T0, Channel.Web, "purchase")
        {
            Attributes = new MiscountedMap(count: 5, ("a", "1")),
        };

        Assert.Equal(["a", "b", "c"], interaction.Attributes.Keys);
        Assert.Equal("3", interaction.Attributes["c"]);
        Assert.Equal(["a"], fewer.Attributes.Keys);
    }

    [Fact]
    public void Attributes_keep_their_order_and_answer_lookups_with_few_and_many_keys()
    {
        foreach (var count in new[] { 1, 3, 8, 9, 40 })
        {
            var source = Enumerable.Range(0, count).ToDictionary(i => $"k{count - i}", i => $"v{i}");
            var attributes = new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "purchase") { Attributes = source }.Attributes;

            Assert.Equal(source.ToArray(), attributes.ToArray());
            Assert.Equal(source.Keys, attributes.Keys);
            Assert.Equal(source.Values, attributes.Values);
            Assert.Equal(count, attributes.Count);
            foreach (var (key, value) in source)
            {
                Assert.True(attributes.ContainsKey(key));
                Assert.Equal(value, attributes[key]);
            }

            Assert.False(attributes.TryGetValue("K1", out _), "lookups are ordinal");
            var missing = Assert.Throws<KeyNotFoundException>(() => attributes["absent"]);
            Assert.Contains("'absent'", missing.Message, StringComparison.Ordinal);
            Assert.Throws<ArgumentNullException>(() => attributes.ContainsKey(null!));
        }
    }

    [Fact]
    public void Frozen_attributes_are_shared_not_copied_again()
    {
        var first = new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "purchase") { Attributes = new Dictionary<string, string> { ["region"] = "SP" } };
        var second = new Interaction(new InteractionId("e-2"), TestData.Customer, TestData.T0, Channel.Web, "purchase") { Attributes = first.Attributes };

        Assert.Same(first.Attributes, second.Attributes);
    }

    [Fact]
    public void Attributes_from_a_source_that_repeats_a_key_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "purchase")
        {
            Attributes = new RepeatingMap(),
        });

        Assert.Equal("attributes", e.ParamName);
        Assert.Contains("'a'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attributes_from_a_large_source_that_repeats_a_key_are_rejected()
    {
        var pairs = Enumerable.Range(0, 12).Select(i => (Key: i == 10 ? "k1" : $"k{i}", Value: $"v{i}")).ToArray();

        var e = Assert.Throws<ArgumentException>(() => new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "purchase")
        {
            Attributes = new MiscountedMap(pairs.Length, pairs),
        });

        Assert.Equal("attributes", e.ParamName);
        Assert.Contains("'k1'", e.Message, StringComparison.Ordinal);
    }

    // A read-only map whose enumeration repeats a key: not a dictionary a host would write, but one it could pass.
    private sealed class RepeatingMap() : MiscountedMap(2, ("a", "1"), ("a", "2"));

    // A read-only map whose Count disagrees with what it enumerates, like a concurrent dictionary changed while it is read.
    private class MiscountedMap(int count, params (string Key, string Value)[] pairs) : IReadOnlyDictionary<string, string>
    {
        private readonly KeyValuePair<string, string>[] _pairs = [.. pairs.Select(p => KeyValuePair.Create(p.Key, p.Value))];

        public int Count => count;

        public IEnumerable<string> Keys => _pairs.Select(p => p.Key);

        public IEnumerable<string> Values => _pairs.Select(p => p.Value);

        public string this[string key] => _pairs.First(p => p.Key == key).Value;

        public bool ContainsKey(string key) => _pairs.Any(p => p.Key == key);

        public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out string value)
        {
            value = _pairs.FirstOrDefault(p => p.Key == key).Value;
            return value is not null;
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, string>>)_pairs).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_attribute_key_is_rejected(string key)
    {
        var e = Assert.Throws<ArgumentException>(() => new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "purchase")
        {
            Attributes = new Dictionary<string, string> { [key] = "x" },
        });

        Assert.Equal("attributes", e.ParamName);
        Assert.StartsWith($"attributes keys must be 1-128 non-blank characters, but one was '{key}'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attribute_key_longer_than_128_characters_is_rejected()
    {
        var key = new string('k', 129);
        var e = Assert.Throws<ArgumentException>(() => new Customer(TestData.Customer) { Attributes = new Dictionary<string, string> { [key] = "x" } });

        Assert.StartsWith($"attributes keys must be 1-128 non-blank characters, but one was '{key}'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_attribute_value_is_rejected_naming_the_key()
    {
        var e = Assert.Throws<ArgumentException>(() => new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "purchase")
        {
            Attributes = new Dictionary<string, string> { ["region"] = null! },
        });

        Assert.StartsWith("attributes['region'] must not be null.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_fields_are_kept()
    {
        var interaction = new Interaction(new InteractionId("e-1002"), TestData.Customer, TestData.T0, Channel.Phone, "support_resolved")
        {
            Touchpoint = new TouchpointId("support-line"),
            Mode = ServiceMode.Assisted,
            Outcome = InteractionOutcome.Succeeded,
            Signals = new InteractionSignals { Csat = 3, Ces = 5, Wait = TimeSpan.FromSeconds(420) },
            Text = "thanks",
        };

        Assert.Equal(new TouchpointId("support-line"), interaction.Touchpoint);
        Assert.Equal(ServiceMode.Assisted, interaction.Mode);
        Assert.Equal(3, interaction.Signals.Csat);
        Assert.Equal("thanks", interaction.Text);
        Assert.Equal("e-1002 2024-03-01T09:00:00.0000000+00:00 c-42 phone/support_resolved@support-line Succeeded", interaction.ToString());
    }

    [Fact]
    public void A_touchpoint_validates_its_parts()
    {
        var bot = new Touchpoint(new TouchpointId("order-status-bot"), "Order status bot", Channel.Chatbot, ServiceMode.Automated) { Stage = JourneyStage.Support };
        Assert.Equal(JourneyStage.Support, bot.Stage);
        Assert.Equal(Channel.Chatbot, bot.Channel);

        Assert.Equal("id", Assert.Throws<ArgumentException>(() => new Touchpoint(default, "x", Channel.Web, ServiceMode.SelfService)).ParamName);
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => new Touchpoint(new TouchpointId("t"), " ", Channel.Web, ServiceMode.SelfService)).ParamName);
        Assert.Equal("channel", Assert.Throws<ArgumentException>(() => new Touchpoint(new TouchpointId("t"), "x", default, ServiceMode.SelfService)).ParamName);
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => new Touchpoint(new TouchpointId("t"), "x", Channel.Web, (ServiceMode)3)).ParamName);
        Assert.Equal("Stage", Assert.Throws<ArgumentException>(() => bot with { Stage = default(JourneyStage) }).ParamName);
    }
}
