using CxCore.Domain;

namespace CxCore.Journeys;

/// <summary>
/// Which trigger of a <see cref="JourneyDefinition"/> an interaction fires, through an <see cref="IInteractionClassifier"/>.
/// With the built-in <see cref="InteractionClassifier"/>, whose answer depends on the kind alone, the answer is kept per
/// interned kind (<see cref="Vocabulary.Kinds"/>), so classifying a stored interaction is one array read instead of two
/// dictionary lookups; any other classifier is asked every time, with the interaction as an object. Thread-safe.
/// </summary>
internal sealed class TriggerTable
{
    // Per kind index: 0 = not asked yet, -1 = fires nothing (in this definition), t + 1 = trigger index t. Races only
    // write the same answer twice; a grown table is published whole.
    private int[] _byKind = new int[64];
    private readonly Lock _gate = new();

    public TriggerTable(JourneyDefinition definition, IInteractionClassifier classifier)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(classifier);
        Definition = definition;
        Classifier = classifier;
        KindOnly = classifier as InteractionClassifier;
    }

    public JourneyDefinition Definition { get; }

    public IInteractionClassifier Classifier { get; }

    // The built-in classifier, when that is the one in use: its answer can be kept per kind.
    private InteractionClassifier? KindOnly { get; }

    /// <summary>The trigger <paramref name="interaction"/> fires, when it fires one this definition uses.</summary>
    /// <param name="interaction">The interaction.</param>
    /// <param name="kindIndex">Its kind's <see cref="Vocabulary.Kinds"/> index when the caller knows it (an object stored in a log), else 0.</param>
    /// <param name="trigger">The trigger.</param>
    public bool TryGetTrigger(InteractionView interaction, int kindIndex, out TriggerIndex trigger)
    {
        if (KindOnly is { } byKind)
        {
            kindIndex = kindIndex > 0 ? kindIndex : interaction.KindIndex;
            if (kindIndex > 0)
            {
                var table = Volatile.Read(ref _byKind);
                var known = (uint)kindIndex < (uint)table.Length ? table[kindIndex] : 0;
                if (known == 0)
                {
                    known = Learn(byKind, kindIndex);
                }

                trigger = new TriggerIndex(known - 1);
                return known > 0;
            }

            return Resolve(byKind.TryClassifyKind(interaction.Kind, out var kindTrigger), kindTrigger, out trigger);
        }

        return Resolve(Classifier.TryClassify(interaction.ToInteraction(), out var found), found, out trigger);
    }

    private bool Resolve(bool classified, JourneyTrigger found, out TriggerIndex trigger)
    {
        if (classified && Definition.TryGetTriggerIndex(found, out trigger))
        {
            return true;
        }

        trigger = new TriggerIndex(-1);
        return false;
    }

    private int Learn(InteractionClassifier classifier, int kindIndex)
    {
        var answer = Resolve(classifier.TryClassifyKind(Vocabulary.Kinds[kindIndex], out var found), found, out var trigger) ? trigger.Value + 1 : -1;
        lock (_gate)
        {
            var table = _byKind;
            if (kindIndex >= table.Length)
            {
                Array.Resize(ref table, Math.Max(table.Length * 2, kindIndex + 1));
            }

            table[kindIndex] = answer;
            Volatile.Write(ref _byKind, table);
        }

        return answer;
    }
}
