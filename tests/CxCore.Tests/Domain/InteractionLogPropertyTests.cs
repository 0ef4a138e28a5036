using CsCheck;
using CxCore.Domain;
using CxCore.Tests.Serialization;

namespace CxCore.Tests.Domain;

/// <summary>
/// The compact log against plain references: any interaction comes back field by field, any arrival order gives the
/// order of a sort by (instant, ordinal id), and an indexed log accepts exactly what a set of ids would.
/// </summary>
public sealed class InteractionLogPropertyTests
{
    private const long Iterations = 200;

    // Pieces that make ASCII and UTF-16 ids, surrogate pairs, lone surrogates, and ids either side of the 127 header.
    private static readonly string[] IdPieces = ["a", "b", "Z", "0", "-", "é", "\uD800", "\uDC00", "\uE000", "注", "😀", "\U00010000", "\uFFFF", new string('q', 125)];

    private static readonly Gen<string> Id =
        Gen.Int[0, IdPieces.Length - 1].Array[1, 4].Select(pieces => string.Concat(pieces.Select(p => IdPieces[p]))).Where(id => id.Length <= 256);

    /// <summary>Any valid instant (1 tick to the end of the calendar) with any offset that keeps its local time valid.</summary>
    private static readonly Gen<DateTimeOffset> AnyTimestamp = Gen.Select(
        Gen.OneOf(
            Gen.Long[1, DateTime.MaxValue.Ticks],
            Gen.Long[1, TimeSpan.TicksPerDay],
            Gen.Long[DateTime.MaxValue.Ticks - TimeSpan.TicksPerDay, DateTime.MaxValue.Ticks]),
        Gen.Int[-14 * 60, 14 * 60],
        (utcTicks, offsetMinutes) =>
        {
            var offset = TimeSpan.FromMinutes(offsetMinutes);
            var local = utcTicks + offset.Ticks;
            return new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(local < 0 || local > DateTime.MaxValue.Ticks ? TimeSpan.Zero : offset);
        });

    /// <summary>One of five instants, written with any offset: ties between equal instants are the point.</summary>
    private static readonly Gen<DateTimeOffset> FewInstants = Gen.Select(
        Gen.Int[0, 4],
        Gen.Int[-14 * 60, 14 * 60],
        (hour, offsetMinutes) => TestData.T0.AddHours(hour).ToOffset(TimeSpan.FromMinutes(offsetMinutes)));

    // A few kinds, not random ones: kinds are interned process-wide.
    private static readonly Gen<string> Kind = Gen.OneOf("page_view", "purchase", "support_request", "review", "kind_only_the_log_tests_use");

    /// <summary>Interactions with every field generated, filed under <see cref="TestData.Customer"/> with these ids, instants and kinds.</summary>
    private static Gen<Interaction[]> Interactions(Gen<DateTimeOffset> timestamps, int max) =>
        Gen.Select(InteractionGen.Interaction, timestamps, Id, Kind, (interaction, timestamp, id, kind) => Restamp(interaction, id, timestamp, kind))
            .Array[1, max]
            .Select(items => items.DistinctBy(i => i.Id.Value, StringComparer.Ordinal).ToArray());

    [Fact]
    public void Any_interaction_comes_back_field_by_field_and_reads_the_same_through_a_view()
    {
        Interactions(AnyTimestamp, 20).Sample(
            interactions =>
            {
                var appended = new InteractionLog(TestData.Customer, indexIds: true);
                var inserted = new InteractionLog(TestData.Customer, indexIds: false);
                foreach (var interaction in interactions)
                {
                    Assert.True(appended.TryAppend(interaction));
                    inserted.InsertInReplayOrder(interaction);
                }

                var ordered = ReplayOrder(interactions);
                for (var i = 0; i < interactions.Length; i++)
                {
                    InteractionAssert.Same(ordered[i], appended.Materialize(i));
                    InteractionAssert.Same(ordered[i], new InteractionView(appended, i));
                    InteractionAssert.Same(ordered[i], inserted.Materialize(i));
                    InteractionAssert.Same(ordered[i], new InteractionView(inserted, i));
                }
            },
            iter: Iterations,
            print: Print);
    }

    [Fact]
    public void Any_arrival_order_gives_the_order_of_a_sort_by_instant_then_ordinal_id()
    {
        var gen =
            from interactions in Interactions(FewInstants, 40)
            from arrivals in Gen.Shuffle(interactions)
            select arrivals;
        gen.Sample(
            arrivals =>
            {
                var log = new InteractionLog(TestData.Customer, indexIds: false);
                for (var n = 0; n < arrivals.Length; n++)
                {
                    var position = log.InsertInReplayOrder(arrivals[n]);
                    Assert.Equal(arrivals.Take(n).Count(i => CompareForReplay(i, arrivals[n]) < 0), position);
                }

                var expected = ReplayOrder(arrivals);
                Assert.Equal(expected.Select(i => i.Id.Value), Enumerable.Range(0, log.Count).Select(i => log.GetId(i).Value), StringComparer.Ordinal);
                for (var i = 0; i < expected.Length; i++)
                {
                    Assert.Equal(expected[i].Timestamp.Offset, log.GetTimestamp(i).Offset);
                    InteractionAssert.Same(expected[i], log.Materialize(i));
                }
            },
            iter: Iterations,
            print: Print);
    }

    [Fact]
    public void An_indexed_log_accepts_the_first_of_each_id_and_refuses_every_repeat()
    {
        Gen.Int[0, 700].Array[0, 1200].Sample(
            picks =>
            {
                var log = new InteractionLog(TestData.Customer, indexIds: true);
                var reference = new HashSet<string>(StringComparer.Ordinal);
                var accepted = new List<string>();
                foreach (var pick in picks)
                {
                    var id = NumberedId(pick);
                    var added = reference.Add(id);
                    Assert.Equal(added, log.TryAppend(new Interaction(new InteractionId(id), TestData.Customer, TestData.T0, Channel.Web, "page_view")));
                    if (added)
                    {
                        accepted.Add(id);
                    }
                }

                Assert.Equal(accepted.Count, log.Count);
                // One instant: replay order is ordinal id order.
                Assert.Equal(accepted.Order(StringComparer.Ordinal), Enumerable.Range(0, log.Count).Select(i => log.GetId(i).Value), StringComparer.Ordinal);
                for (var n = 0; n <= 700; n++)
                {
                    Assert.Equal(reference.Contains(NumberedId(n)), log.Contains(new InteractionId(NumberedId(n))));
                }
            },
            iter: 100);
    }

    private static string NumberedId(int n) => (n % 3) switch
    {
        0 => $"n-{n}",
        1 => $"ñ-{n}",
        _ => $"{new string('n', 125)}{n}",
    };

    private static int CompareForReplay(Interaction a, Interaction b)
    {
        var byInstant = a.Timestamp.UtcTicks.CompareTo(b.Timestamp.UtcTicks);
        return byInstant != 0 ? byInstant : string.CompareOrdinal(a.Id.Value, b.Id.Value);
    }

    private static Interaction[] ReplayOrder(Interaction[] interactions) =>
        [.. interactions.OrderBy(i => i.Timestamp.UtcTicks).ThenBy(i => i.Id.Value, StringComparer.Ordinal)];

    // The generated fields, another id, timestamp and kind, this test's customer (what a log materialises).
    private static Interaction Restamp(Interaction interaction, string id, DateTimeOffset timestamp, string kind)
    {
        var (outcome, csat, nps, ces, waitTicks) = interaction.Packed;
        return new Interaction(
            new InteractionId(id), TestData.Customer, timestamp, interaction.Channel, kind, interaction.Touchpoint,
            outcome, csat, nps, ces, waitTicks, interaction.Extras);
    }

    private static string Print(Interaction[] interactions) =>
        string.Join(", ", interactions.Select(i => $"{string.Concat(i.Id.Value.Select(c => c < 128 ? new string(c, 1) : $"\\u{(int)c:X4}"))}@{i.Timestamp:O}"));
}
