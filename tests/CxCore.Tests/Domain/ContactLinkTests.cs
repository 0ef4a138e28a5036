using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Tests.Domain;

/// <summary>
/// A log marks its contacts and links every record to the nearest earlier contact (<see cref="InteractionRecord.ContactBack"/>),
/// so the effort scorer's repeat scan steps from contact to contact. The links must stay right through late arrivals
/// and runs of more than 255 non-contacts, and the scan over a log must score exactly as the scan over objects.
/// </summary>
public sealed class ContactLinkTests
{

    [Theory]
    [InlineData(1, 0.5, 0.0)]
    [InlineData(2, 0.3, 0.3)]
    [InlineData(3, 0.02, 0.2)] // long runs of non-contacts
    [InlineData(4, 0.0, 0.1)] // no contact at all
    [InlineData(5, 1.0, 0.5)] // every interaction a contact
    public void Every_record_links_to_its_nearest_earlier_contact_whatever_the_order_of_arrival(int seed, double contactShare, double lateShare)
    {
        var random = new Random(seed);
        var log = new InteractionLog(TestData.Customer, indexIds: false);
        for (var i = 0; i < 700; i++)
        {
            var contact = random.NextDouble() < contactShare;
            // A late one lands somewhere among the earlier ones (its records after it shift by one).
            var minutes = random.NextDouble() < lateShare && i > 0 ? random.Next(i) * 10 - 5 : i * 10;
            var kind = contact ? (random.Next(2) == 0 ? "support_request" : "complaint") : (random.Next(2) == 0 ? "page_view" : "purchase");
            log.InsertInReplayOrder(new Interaction(new InteractionId($"e-{i:D4}"), TestData.Customer, TestData.T0.AddMinutes(minutes), Channel.Web, kind));
        }

        var records = log.Records;
        var contacts = new List<int>();
        for (var i = 0; i < records.Length; i++)
        {
            Assert.Equal(InteractionKinds.IsContact(log.GetKind(i)), (records[i].Flags & InteractionLog.Contact) != 0);
            Assert.Equal(contacts.AsEnumerable().Reverse(), Follow(records, i));
            if ((records[i].Flags & InteractionLog.Contact) != 0)
            {
                contacts.Add(i);
            }
        }
    }

    [Fact]
    public void The_first_record_links_to_nothing_and_the_next_to_the_contact_before_it()
    {
        var log = new InteractionLog(TestData.Customer, indexIds: false);
        log.InsertInReplayOrder(new Interaction(new InteractionId("e-1"), TestData.Customer, TestData.T0, Channel.Phone, "support_request"));
        log.InsertInReplayOrder(new Interaction(new InteractionId("e-2"), TestData.Customer, TestData.T0.AddMinutes(1), Channel.Web, "page_view"));

        Assert.NotEqual(0, log.Records[0].Flags & InteractionLog.Contact);
        Assert.Equal(0, log.Records[1].Flags & InteractionLog.Contact);
        Assert.Equal(1, log.Records[1].ContactBack);
        Assert.Equal(0, log.Records[0].ContactBack);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_contact_more_than_255_records_back_is_reached_through_saturated_links(bool late)
    {
        // A contact every 300 records: every record from the 255th after a contact on links back 255 (one step at a time).
        var random = new Random(7);
        var log = new InteractionLog(TestData.Customer, indexIds: false);
        var order = Enumerable.Range(0, 1200).ToArray();
        if (late)
        {
            random.Shuffle(order.AsSpan(600)); // the second half arrives in any order, among the first half's records
        }

        foreach (var i in order)
        {
            var kind = i % 300 == 0 ? "support_request" : "page_view";
            log.InsertInReplayOrder(new Interaction(new InteractionId($"e-{i:D4}"), TestData.Customer, TestData.T0.AddMinutes(i), Channel.Web, kind));
        }

        var records = log.Records;
        Assert.Contains(InteractionLog.FarContact, records.ToArray().Select(r => r.ContactBack));
        Assert.Equal([300, 0], Follow(records, 599));
        Assert.Equal([900, 600, 300, 0], Follow(records, 1199));
        AssertScoredAlike(new EffortScorer { RepeatWindow = TimeSpan.FromDays(30) }, log);
    }

    [Theory]
    [InlineData(11, 0.3, 0.0, 7, 6.0)]
    [InlineData(12, 0.3, 0.3, 7, 6.0)]
    [InlineData(13, 0.0, 0.2, 7, 6.0)] // no contact at all
    [InlineData(14, 1.0, 0.2, 7, 6.0)] // every interaction a contact
    [InlineData(15, 0.003, 0.3, 1, 1000.0)] // long runs of non-contacts inside one window: saturated links
    [InlineData(16, 0.2, 0.3, 0, 2.0)] // many equal timestamps
    [InlineData(17, 0.3, 0.3, 10, 1.0)] // contacts exactly one window (60 minutes) apart
    public void The_effort_scorer_scores_a_stored_journey_exactly_as_the_same_journey_in_objects(int seed, double contactShare, double lateShare, int stepMinutes, double windowHours)
    {
        var random = new Random(seed);
        var scorer = new EffortScorer { RepeatWindow = TimeSpan.FromHours(windowHours) };
        var channels = new[] { Channel.Web, Channel.Phone, Channel.Chat };
        string[] contacts = ["support_request", "complaint", "ticket_opened"];
        string[] others = ["page_view", "purchase", "delivered"];
        var log = new InteractionLog(TestData.Customer, indexIds: false);
        for (var i = 0; i < 600; i++)
        {
            var attributes = random.Next(3) switch
            {
                0 => null,
                1 => new Dictionary<string, string> { ["issue"] = $"order-{random.Next(2)}" },
                _ => new Dictionary<string, string> { ["region"] = "SP" },
            };
            var step = stepMinutes == 0 ? random.Next(20) : (random.NextDouble() < lateShare && i > 0 ? random.Next(i) : i) * stepMinutes;
            var kind = random.NextDouble() < contactShare ? contacts[random.Next(contacts.Length)] : others[random.Next(others.Length)];
            log.InsertInReplayOrder(new Interaction(new InteractionId($"e-{i:D4}"), TestData.Customer, TestData.T0.AddMinutes(step), channels[random.Next(channels.Length)], kind)
            {
                Attributes = attributes!,
                Signals = new InteractionSignals { Wait = random.Next(2) == 0 ? TimeSpan.FromSeconds(random.Next(600)) : null },
            });
            if (i % 100 == 99)
            {
                AssertScoredAlike(scorer, log);
            }
        }
    }

    // Every record of the log scored as the latest of the records before it, from the log and from objects.
    private static void AssertScoredAlike(EffortScorer scorer, InteractionLog log)
    {
        var objects = log.MaterializeAll(log.Count);
        var stored = new InteractionHistory(log, log.Count);
        for (var i = 0; i < objects.Length; i++)
        {
            var asOf = objects[i].Timestamp;
            var fromObjects = scorer.TryScore(objects[i], new ScoringContext(objects.AsSpan(0, i), asOf, isLatest: true), out var expected);
            var fromLog = scorer.TryScore(stored[i], new ScoringContext(stored.Take(i), asOf, isLatest: true, known: null), out var actual);

            Assert.Equal(fromObjects, fromLog);
            Assert.Equal(expected, actual);
        }
    }

    // The contacts a scan from record `from` visits, nearest first (the record itself not included).
    private static List<int> Follow(ReadOnlySpan<InteractionRecord> records, int from)
    {
        var visited = new List<int>();
        var i = from;
        while (records[i].ContactBack != 0)
        {
            i -= records[i].ContactBack == InteractionLog.FarContact ? 1 : records[i].ContactBack;
            if ((records[i].Flags & InteractionLog.Contact) != 0)
            {
                visited.Add(i);
            }
        }

        return visited;
    }
}
