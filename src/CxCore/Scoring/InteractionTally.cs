namespace CxCore.Scoring;

/// <summary>
/// The opinions on one interaction, summed for aggregation: Σu and Σu·s (its own score is their ratio), and the same
/// with the negativity bias b folded in, Σu·b and Σu·b·s (the mean's terms before recency). u = scorer weight × opinion weight.
/// </summary>
/// <param name="U">Σu.</param>
/// <param name="US">Σu·s.</param>
/// <param name="B">Σu·b.</param>
/// <param name="BS">Σu·b·s.</param>
/// <param name="Count">How many opinions.</param>
internal readonly record struct InteractionTally(double U, double US, double B, double BS, int Count);
