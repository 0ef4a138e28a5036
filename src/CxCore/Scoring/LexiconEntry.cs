namespace CxCore.Scoring;

/// <summary>One entry of <see cref="SentimentLexicon"/>.</summary>
/// <param name="Kind">What the entry does.</param>
/// <param name="Value">The valence of a word, the factor of an intensifier, or the scope (in tokens) of a negator.</param>
/// <param name="Negated">The valence of a word within a negation's scope.</param>
internal readonly record struct LexiconEntry(LexiconKind Kind, float Value, float Negated);
