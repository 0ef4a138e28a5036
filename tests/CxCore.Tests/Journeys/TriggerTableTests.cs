using CxCore.Domain;
using CxCore.Journeys;
using CxCore.Tests.Domain;

namespace CxCore.Tests.Journeys;

/// <summary>
/// <see cref="TriggerTable"/> keeps the built-in classifier's answer per kind: it must give the classifier's answer for
/// every kind, asked with an object or a stored record, first time and cached; any other classifier is asked every time.
/// </summary>
public sealed class TriggerTableTests
{
    private static readonly JourneyDefinition Definition = DefaultJourney.Definition;

    private static IEnumerable<string> AllKinds(InteractionClassifier classifier) =>
        classifier.Mappings.Keys.Concat(["email_open", "kind-nobody-maps", "PURCHASE"]);

    private static (bool Fires, int Trigger) Expected(InteractionClassifier classifier, Interaction interaction) =>
        classifier.TryClassify(interaction, out var found) && Definition.TryGetTriggerIndex(found, out var index) ? (true, index.Value) : (false, -1);

    public static TheoryData<bool> Custom => new() { false, true };

    [Theory]
    [MemberData(nameof(Custom))]
    public void Every_kind_gets_the_classifiers_trigger_from_an_object_and_from_a_stored_record_twice(bool customMappings)
    {
        var classifier = customMappings
            ? new InteractionClassifier(new Dictionary<string, JourneyTrigger> { ["kiosk_scan"] = JourneyTrigger.Purchased, ["page_view"] = JourneyTrigger.Engaged })
            : InteractionClassifier.Default;
        var table = new TriggerTable(Definition, classifier);
        var kinds = AllKinds(classifier).ToArray();
        var log = new InteractionLog(TestData.Customer, indexIds: true);
        var interactions = kinds.Select((kind, i) => TestData.At($"e-{i}", i, kind)).ToArray();
        foreach (var interaction in interactions)
        {
            Assert.True(log.TryAppend(interaction));
        }

        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < interactions.Length; i++)
            {
                var expected = Expected(classifier, interactions[i]);
                var fromObject = table.TryGetTrigger(interactions[i], kindIndex: 0, out var t1);
                var fromRecord = table.TryGetTrigger(new InteractionView(log, i), log.KindIndexAt(i), out var t2);

                Assert.Equal(expected, (fromObject, fromObject ? t1.Value : -1));
                Assert.Equal(expected, (fromRecord, fromRecord ? t2.Value : -1));
            }
        }

        // The mapped kinds really fire something (the test is not comparing "nothing" with "nothing").
        Assert.Contains(interactions, i => Expected(classifier, i).Fires);
        Assert.Contains(interactions, i => !Expected(classifier, i).Fires);
    }

    [Fact]
    public void A_classifier_that_reads_more_than_the_kind_is_asked_for_every_interaction()
    {
        var table = new TriggerTable(Definition, new ByOutcome());
        var failed = TestData.At("e-1", 0, "call", InteractionOutcome.Failed);
        var resolved = TestData.At("e-2", 0, "call", InteractionOutcome.Succeeded);

        Assert.True(table.TryGetTrigger(failed, 0, out var first));
        Assert.True(table.TryGetTrigger(resolved, 0, out var second));
        Assert.True(Definition.TryGetTriggerIndex(JourneyTrigger.Purchased, out var purchased));
        Assert.True(Definition.TryGetTriggerIndex(JourneyTrigger.Engaged, out var engaged));
        Assert.Equal(engaged, first);
        Assert.Equal(purchased, second);
    }

    [Fact]
    public void A_context_over_a_stored_record_reads_the_records_outcome_signals_and_interaction()
    {
        var stored = TestData.At("e-7", 1, "survey", InteractionOutcome.Abandoned, new InteractionSignals { Csat = 2, Nps = 9 });
        var log = new InteractionLog(TestData.Customer, indexIds: true);
        Assert.True(log.TryAppend(stored));

        var context = new TransitionContext(new InteractionView(log, 0), TimeSpan.FromHours(3));

        Assert.Equal(InteractionOutcome.Abandoned, context.Outcome);
        Assert.Equal(2, context.Signals.Csat);
        Assert.Equal(9, context.Signals.Nps);
        Assert.Equal(TimeSpan.FromHours(3), context.TimeInStage);
        InteractionAssert.Same(stored, context.Interaction!);
        Assert.Null(TransitionContext.None.Interaction);
        Assert.Equal(InteractionOutcome.Unknown, TransitionContext.None.Outcome);
    }

    private sealed class ByOutcome : IInteractionClassifier
    {
        public bool TryClassify(Interaction interaction, out JourneyTrigger trigger)
        {
            trigger = interaction.Outcome == InteractionOutcome.Failed ? JourneyTrigger.Engaged : JourneyTrigger.Purchased;
            return true;
        }
    }
}
