using CxCore.Domain;
using CxCore.Scoring;

namespace CxCore.Tests.Domain;

/// <summary>
/// <see cref="InteractionView"/> and <see cref="InteractionHistory"/> as a host's scorer uses them: the same values
/// whether an interaction object or the compact storage backs them, and clear failures on misuse.
/// </summary>
public sealed class InteractionViewTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    private static readonly Dictionary<string, Interaction> Samples = new(StringComparer.Ordinal)
    {
        ["bare"] = new(new InteractionId("e-1"), TestData.Customer, T0, Channel.Web, "page_view"),
        ["full"] = new(new InteractionId("e-full"), TestData.Customer, new DateTimeOffset(2024, 3, 1, 9, 21, 0, TimeSpan.FromMinutes(345)), Channel.Phone, "support_resolved")
        {
            Touchpoint = new TouchpointId("support-line"),
            Mode = ServiceMode.Assisted,
            Outcome = InteractionOutcome.Failed,
            Signals = new InteractionSignals { Csat = 1, Nps = 0, Ces = 7, Wait = TimeSpan.FromMinutes(7), HandlingTime = TimeSpan.FromSeconds(95), Value = -19.990m },
            Text = "Não recebi o produto 😡",
            Attributes = new Dictionary<string, string> { ["issue"] = "delivery", ["order"] = "o-77" },
        },
        ["odd wait and long non-ascii id"] = new(new InteractionId(new string('ü', 200)), TestData.Customer, new DateTimeOffset(DateTime.MaxValue, TimeSpan.FromHours(14)), Channel.Chat, "contact")
        {
            Signals = new InteractionSignals { Wait = new TimeSpan(1) },
        },
        ["month-long wait and a lone surrogate id"] = new(new InteractionId("x\uD800"), TestData.Customer, new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.FromHours(-14)), Channel.Email, "email_open")
        {
            Signals = new InteractionSignals { Wait = TimeSpan.FromDays(30), Nps = 10 },
            Outcome = InteractionOutcome.Abandoned,
        },
    };

    public static TheoryData<string> SampleNames
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var name in Samples.Keys)
            {
                names.Add(name);
            }

            return names;
        }
    }

    public static TheoryData<string> PropertyNames =>
        ["Id", "CustomerId", "Timestamp", "Channel", "Kind", "Touchpoint", "Mode", "Outcome", "Signals", "Text", "Attributes", "ToInteraction"];

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void A_view_of_an_interaction_and_a_view_of_its_log_record_read_the_same(string name)
    {
        var interaction = Samples[name];
        InteractionView ofObject = interaction;
        foreach (var indexed in new[] { true, false })
        {
            var log = InteractionLogTestExtensions.LogOf(indexed, interaction);
            var ofRecord = new InteractionView(log, 0);

            InteractionAssert.Same(interaction, ofObject);
            InteractionAssert.Same(interaction, ofRecord);
            Assert.Equal(ofObject.Id, ofRecord.Id);
            Assert.Equal(ofObject.Timestamp.Offset, ofRecord.Timestamp.Offset);
            Assert.Equal(ofObject.Signals, ofRecord.Signals);
            Assert.Equal(ofObject.ToString(), ofRecord.ToString());
            Assert.False(ofRecord.IsEmpty);
        }
    }

    [Fact]
    public void A_view_of_an_interaction_gives_back_the_same_object()
    {
        var interaction = Samples["full"];
        InteractionView implicitly = interaction;
        var explicitly = InteractionView.FromInteraction(interaction);
        var constructed = new InteractionView(interaction);

        Assert.Same(interaction, implicitly.ToInteraction());
        Assert.Same(interaction, explicitly.ToInteraction());
        Assert.Same(interaction, constructed.ToInteraction());
        Assert.False(implicitly.IsEmpty);
        Assert.Same(interaction.Attributes, implicitly.Attributes);
        Assert.Equal(interaction.ToString(), implicitly.ToString());
    }

    [Fact]
    public void A_view_of_a_log_record_builds_an_equal_interaction_on_each_call()
    {
        var interaction = Samples["full"];
        var view = new InteractionView(InteractionLogTestExtensions.LogOf(true, interaction), 0);

        var first = view.ToInteraction();
        var second = view.ToInteraction();

        Assert.NotSame(interaction, first);
        Assert.NotSame(first, second);
        InteractionAssert.Same(interaction, first);
        InteractionAssert.Same(interaction, second);
    }

    [Fact]
    public void An_interaction_converts_implicitly_where_a_view_is_expected()
    {
        var interaction = Samples["full"];

        Assert.Equal("support_resolved", KindOf(interaction));
        Assert.Equal(InteractionOutcome.Failed, OutcomeOf(interaction));

        static string KindOf(InteractionView view) => view.Kind;
        static InteractionOutcome OutcomeOf(in InteractionView view) => view.Outcome;
    }

    [Fact]
    public void A_null_interaction_cannot_be_viewed()
    {
        Assert.Equal("interaction", Assert.Throws<ArgumentNullException>(() => new InteractionView(null!)).ParamName);
        Assert.Equal("interaction", Assert.Throws<ArgumentNullException>(() => InteractionView.FromInteraction(null!)).ParamName);
        Assert.Equal("interaction", Assert.Throws<ArgumentNullException>(() =>
        {
            InteractionView view = (Interaction)null!;
            return view;
        }).ParamName);
    }

    [Theory]
    [MemberData(nameof(PropertyNames))]
    public void Reading_the_default_view_throws_InvalidOperationException(string property)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Read(default, property));

        Assert.Contains("default value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_view_is_empty_and_prints_as_nothing()
    {
        var view = default(InteractionView);

        Assert.True(view.IsEmpty);
        Assert.Equal(string.Empty, view.ToString());
        Assert.False(((InteractionView)Samples["bare"]).IsEmpty);
        Assert.False(new InteractionView(InteractionLogTestExtensions.LogOf(true, Samples["bare"]), 0).IsEmpty);
    }

    [Fact]
    public void A_history_of_interaction_objects_counts_indexes_and_enumerates_oldest_first()
    {
        var interactions = Journey(4);
        var history = new InteractionHistory(interactions);

        Assert.Equal(4, history.Length);
        Assert.False(history.IsEmpty);
        Assert.Same(interactions[0], history[0].ToInteraction());
        Assert.Same(interactions[3], history[^1].ToInteraction());
        Assert.Same(interactions[2], history[^2].ToInteraction());
        var seen = new List<Interaction>();
        foreach (var view in history)
        {
            seen.Add(view.ToInteraction());
        }

        Assert.Equal(interactions, seen);
    }

    [Fact]
    public void A_history_over_a_log_reads_its_records_and_stops_at_its_length()
    {
        var interactions = Journey(5);
        var log = InteractionLogTestExtensions.LogOf(false, interactions);
        var history = new InteractionHistory(log, 3);

        Assert.Equal(3, history.Length);
        InteractionAssert.Same(interactions[0], history[0]);
        InteractionAssert.Same(interactions[2], history[^1]);
        var seen = new List<string>();
        foreach (var view in history)
        {
            seen.Add(view.Id.Value);
        }

        Assert.Equal(["j-0", "j-1", "j-2"], seen);
        Assert.Throws<ArgumentOutOfRangeException>(() => new InteractionHistory(log, 3)[3]);
    }

    [Fact]
    public void Take_gives_the_oldest_interactions_of_either_kind_of_history()
    {
        var interactions = Journey(4);
        var log = InteractionLogTestExtensions.LogOf(true, interactions);
        var ofObjects = new InteractionHistory(interactions).Take(2);
        var ofLog = new InteractionHistory(log, log.Count).Take(2);

        Assert.Equal(2, ofObjects.Length);
        Assert.Equal(2, ofLog.Length);
        Assert.Same(interactions[1], ofObjects[^1].ToInteraction());
        InteractionAssert.Same(interactions[1], ofLog[^1]);
        Assert.True(new InteractionHistory(interactions).Take(0).IsEmpty);
        Assert.True(new InteractionHistory(log, 4).Take(0).IsEmpty);
        Assert.Equal(4, new InteractionHistory(log, 4).Take(4).Length);
        Assert.Throws<ArgumentOutOfRangeException>(() => new InteractionHistory(interactions).Take(2)[2]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new InteractionHistory(log, 4).Take(2)[2]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void Indexing_outside_a_history_throws_ArgumentOutOfRangeException(int index)
    {
        var interactions = Journey(4);
        var log = InteractionLogTestExtensions.LogOf(false, interactions);

        // Three of four: the history must not show the record after its end.
        var ofObjects = Assert.Throws<ArgumentOutOfRangeException>(() => new InteractionHistory(interactions.AsSpan(0, 3))[index]);
        var ofLog = Assert.Throws<ArgumentOutOfRangeException>(() => new InteractionHistory(log, 3)[index]);

        foreach (var e in new[] { ofObjects, ofLog })
        {
            Assert.Equal("index", e.ParamName);
            Assert.Equal(index, e.ActualValue);
            Assert.StartsWith($"index must be between 0 and 2, but was {index}.", e.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Take_outside_the_history_throws_ArgumentOutOfRangeException(int length)
    {
        var interactions = Journey(4);
        var log = InteractionLogTestExtensions.LogOf(true, interactions);

        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => _ = new InteractionHistory(interactions).Take(length).Length).ParamName);
        Assert.Equal("length", Assert.Throws<ArgumentOutOfRangeException>(() => _ = new InteractionHistory(log, 4).Take(length).Length).ParamName);
    }

    [Fact]
    public void The_default_history_is_empty()
    {
        var history = default(InteractionHistory);
        var count = 0;
        foreach (var view in history)
        {
            count += view.IsEmpty ? 1 : 2;
        }

        Assert.Equal(0, count);
        Assert.Equal(0, history.Length);
        Assert.True(history.IsEmpty);
        Assert.True(history.Take(0).IsEmpty);
        Assert.Throws<ArgumentOutOfRangeException>(() => default(InteractionHistory)[0]);
    }

    [Fact]
    public void A_span_of_interactions_converts_to_a_history()
    {
        var interactions = Journey(3);
        ReadOnlySpan<Interaction> span = interactions;
        InteractionHistory converted = span;
        var fromSpan = InteractionHistory.FromSpan(span);

        Assert.Equal(3, converted.Length);
        Assert.Equal(3, fromSpan.Length);
        Assert.Same(interactions[1], converted[1].ToInteraction());
        Assert.Same(interactions[2], fromSpan[^1].ToInteraction());
    }

    [Fact]
    public void A_scoring_context_shows_the_earlier_interactions_as_its_history()
    {
        var interactions = Journey(3);
        var context = new ScoringContext(interactions.AsSpan(0, 2), T0.AddDays(9), isLatest: true);

        Assert.Equal(2, context.Earlier.Length);
        Assert.Same(interactions[0], context.Earlier[0].ToInteraction());
        Assert.Same(interactions[1], context.Earlier[^1].ToInteraction());
        Assert.True(new ScoringContext([], T0, isLatest: true).Earlier.IsEmpty);
    }

    private static object? Read(InteractionView view, string property) => property switch
    {
        "Id" => view.Id,
        "CustomerId" => view.CustomerId,
        "Timestamp" => view.Timestamp,
        "Channel" => view.Channel,
        "Kind" => view.Kind,
        "Touchpoint" => view.Touchpoint,
        "Mode" => view.Mode,
        "Outcome" => view.Outcome,
        "Signals" => view.Signals,
        "Text" => view.Text,
        "Attributes" => view.Attributes,
        "ToInteraction" => view.ToInteraction(),
        _ => throw new ArgumentOutOfRangeException(nameof(property), property, "Unknown property."),
    };

    /// <summary>A few days of interactions, oldest first, each with something the compact form keeps out of line.</summary>
    private static Interaction[] Journey(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Interaction(new InteractionId($"j-{i}"), TestData.Customer, T0.AddDays(i).ToOffset(TimeSpan.FromHours(i - 2)), Channel.Web, i % 2 == 0 ? "page_view" : "purchase")
        {
            Text = $"note {i}",
            Attributes = new Dictionary<string, string> { ["step"] = $"{i}" },
        })];
}
