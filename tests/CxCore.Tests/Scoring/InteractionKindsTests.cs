using CxCore.Domain;
using CxCore.Scoring;
using CxCore.Tests.Domain;

namespace CxCore.Tests.Scoring;

/// <summary>Contacts are recognised the same way from an object and from a compact record (whose answer is remembered per kind).</summary>
public sealed class InteractionKindsTests
{
    [Theory]
    [InlineData("support_request", true)]
    [InlineData("SUPPORT", true)]
    [InlineData("contact_form", true)]
    [InlineData("complaint", true)]
    [InlineData("callback", true)]
    [InlineData("claim", true)]
    [InlineData("inquiry", true)]
    [InlineData("Enquiry", true)]
    [InlineData("ticket_opened", true)]
    [InlineData("help", true)]
    [InlineData("page_view", false)]
    [InlineData("purchase", false)]
    [InlineData("cart", false)]
    [InlineData("supper", false)]
    [InlineData("h", false)]
    public void A_kind_is_a_contact_or_not_whether_read_from_the_object_or_the_log(string kind, bool contact)
    {
        var interaction = new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Web, kind);
        var log = InteractionLogTestExtensions.LogOf(indexed: false, interaction);

        Assert.Equal(contact, InteractionKinds.IsContact(interaction));
        // Twice from the log: the first works it out, the second reads what was remembered.
        Assert.Equal(contact, InteractionKinds.IsContact(new InteractionHistory(log, 1)[0]));
        Assert.Equal(contact, InteractionKinds.IsContact(new InteractionHistory(log, 1)[0]));
    }

    [Fact]
    public void Many_new_kinds_grow_the_remembered_answers_without_mixing_them_up()
    {
        var kinds = Enumerable.Range(0, 300).Select(i => i % 3 == 0 ? $"support-kinds-test-{i}" : $"view-kinds-test-{i}").ToArray();
        var log = InteractionLogTestExtensions.LogOf(
            indexed: false,
            [.. kinds.Select((k, i) => new Interaction(new InteractionId($"e-{i:D3}"), TestData.Customer, TestData.T0.AddSeconds(i), Channel.Web, k))]);
        var history = new InteractionHistory(log, log.Count);

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < history.Length; i++)
            {
                Assert.Equal(history[i].Kind.StartsWith("support", StringComparison.Ordinal), InteractionKinds.IsContact(history[i]));
            }
        }
    }
}
