namespace CxCore.Scoring;

/// <summary>What a lexicon entry does to the sentiment of a text.</summary>
internal enum LexiconKind : byte
{
    /// <summary>Carries a valence.</summary>
    Word,

    /// <summary>Flips the valence of the next few words ("não", "not", "sem", "never").</summary>
    Negator,

    /// <summary>Multiplies the valence of the next word ("muito", "very"; below 1 for "pouco", "slightly").</summary>
    Intensifier,

    /// <summary>Halves what came before and strengthens what follows ("mas", "but").</summary>
    Contrast,

    /// <summary>Carries a valence, and is a delivery verb: "só chegou um" (only one arrived) negates it.</summary>
    Delivery,

    /// <summary>Restricts a delivery verb nearby to a part of what was ordered ("só", "apenas", "somente").</summary>
    Restrictor,

    /// <summary>Weakens its own clause and strengthens the next ("apesar", "embora", "although", "despite").</summary>
    Concession,

    /// <summary>Ends a greeting, cancelling the word just before it ("bom dia", "good morning").</summary>
    GreetingTail,
}
