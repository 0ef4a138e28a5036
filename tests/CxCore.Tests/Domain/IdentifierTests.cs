using CxCore.Domain;

namespace CxCore.Tests.Domain;

public sealed class IdentifierTests
{
    public static TheoryData<string> IdTypes => ["CustomerId", "InteractionId", "TouchpointId"];

    private static string Create(string type, string value) => type switch
    {
        "CustomerId" => new CustomerId(value).Value,
        "InteractionId" => new InteractionId(value).Value,
        "TouchpointId" => new TouchpointId(value).Value,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void A_null_id_is_rejected_naming_the_type(string type)
    {
        var e = Assert.Throws<ArgumentNullException>(() => Create(type, null!));
        Assert.Equal("value", e.ParamName);
        Assert.StartsWith($"{type} must not be null.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CustomerId", "")]
    [InlineData("CustomerId", "   ")]
    [InlineData("InteractionId", "")]
    [InlineData("InteractionId", " ")]
    [InlineData("TouchpointId", "")]
    [InlineData("TouchpointId", "\u2003")]
    public void An_empty_or_white_space_id_is_rejected(string type, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => Create(type, value));
        Assert.Equal("value", e.ParamName);
        Assert.StartsWith($"{type} must not be empty or white space, but was '{value}'.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CustomerId", "c-\u0001-42", "c-\\u0001-42")]
    [InlineData("InteractionId", "e\n1", "e\\u000a1")]
    [InlineData("TouchpointId", "bot\u007f", "bot\\u007f")]
    public void An_id_with_control_characters_is_rejected_showing_them_escaped(string type, string value, string shown)
    {
        var e = Assert.Throws<ArgumentException>(() => Create(type, value));
        Assert.Equal("value", e.ParamName);
        Assert.StartsWith($"{type} must not contain control characters, but was '{shown}'.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(IdTypes))]
    public void An_id_of_257_characters_is_rejected_and_256_is_accepted(string type)
    {
        Assert.Equal(256, Create(type, new string('x', 256)).Length);

        var e = Assert.Throws<ArgumentException>(() => Create(type, new string('x', 257)));
        Assert.StartsWith($"{type} must be at most 256 characters, but was 257 characters long.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("CustomerId", " c-42")]
    [InlineData("InteractionId", "e-1 ")]
    public void An_id_with_surrounding_white_space_is_rejected(string type, string value)
    {
        var e = Assert.Throws<ArgumentException>(() => Create(type, value));
        Assert.StartsWith($"{type} must not start or end with white space, but was '{value}'.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_compare_ordinally_and_case_sensitively()
    {
        Assert.Equal(new CustomerId("c-42"), new CustomerId("c-42"));
        Assert.NotEqual(new CustomerId("C-42"), new CustomerId("c-42"));
        Assert.Equal("c-42", new CustomerId("c-42").ToString());
    }

    [Fact]
    public void Default_ids_are_empty()
    {
        Assert.True(default(CustomerId).IsEmpty);
        Assert.True(default(InteractionId).IsEmpty);
        Assert.True(default(TouchpointId).IsEmpty);
        Assert.False(new CustomerId("c").IsEmpty);
        Assert.Equal(string.Empty, default(CustomerId).ToString());
    }

    [Fact]
    public void Interaction_rejects_a_default_InteractionId()
    {
        var e = Assert.Throws<ArgumentException>(() => new Interaction(default, TestData.Customer, TestData.T0, Channel.Web, "search"));
        Assert.Equal("id", e.ParamName);
        Assert.StartsWith("InteractionId must not be the default (empty) value; create it with a non-empty string.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interaction_rejects_a_default_CustomerId()
    {
        var e = Assert.Throws<ArgumentException>(() => new Interaction(new InteractionId("e-1"), default, TestData.T0, Channel.Web, "search"));
        Assert.Equal("customerId", e.ParamName);
        Assert.StartsWith("CustomerId must not be the default (empty) value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Customer_rejects_a_default_CustomerId()
    {
        var e = Assert.Throws<ArgumentException>(() => new Customer(default));
        Assert.Equal("id", e.ParamName);
        Assert.StartsWith("CustomerId must not be the default (empty) value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Journey_rejects_a_default_CustomerId()
    {
        var e = Assert.Throws<ArgumentException>(() => new Journey(default, [], [new StageVisit(JourneyStage.Awareness, TestData.T0, null, StageEntryReason.Initial)]));
        Assert.Equal("customerId", e.ParamName);
        Assert.StartsWith("CustomerId must not be the default (empty) value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Interaction_rejects_a_default_TouchpointId()
    {
        var e = Assert.Throws<ArgumentException>(() => new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, "search")
        {
            Touchpoint = default(TouchpointId),
        });
        Assert.Equal("Touchpoint", e.ParamName);
        Assert.StartsWith("TouchpointId must not be the default (empty) value", e.Message, StringComparison.Ordinal);
    }
}
