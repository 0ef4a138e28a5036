namespace CxCore.Tests.Scoring;

/// <summary>A short customer text with its known polarity.</summary>
internal sealed record LabelledText(bool Positive, string Language, string Text);
