using System.Buffers;
using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// Why a scorer gave the score it gave: a stable machine-readable code (<c>repeat_contact</c>) and a sentence for
/// people ("Contacted again about the same issue within the repeat window"). Create each reason once and keep it in a
/// static field, so that scoring does not allocate.
/// </summary>
/// <example><code>private static readonly ScoreReason LateDelivery = new("late_delivery", "Delivered after the promised date");</code></example>
public sealed record ScoreReason
{
    /// <summary>The longest code accepted, in characters.</summary>
    public const int MaxCodeLength = 64;

    private static readonly SearchValues<char> CodeChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789_-.");

    /// <summary>Creates a reason.</summary>
    /// <param name="code">A lower-case token of letters, digits, <c>_</c>, <c>-</c> and <c>.</c>, starting with a letter, at most 64 characters.</param>
    /// <param name="description">A short human-readable sentence, without a final full stop.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a lower-case token, or <paramref name="description"/> is blank.</exception>
    public ScoreReason(string code, string description)
    {
        if (!IsValidCode(code))
        {
            throw new ArgumentException(
                $"A reason code must be 1-{MaxCodeLength} characters of lower-case letters, digits, '_', '-' or '.', starting with a letter, but was '{code}'.",
                nameof(code));
        }

        if (string.IsNullOrWhiteSpace(description))
        {
            throw new ArgumentException($"The description of reason '{code}' must not be blank.", nameof(description));
        }

        Code = code;
        Description = description;
    }

    /// <summary>The stable machine-readable code, e.g. <c>repeat_contact</c>.</summary>
    public string Code { get; }

    /// <summary>The human-readable sentence, e.g. "Contacted again about the same issue within the repeat window".</summary>
    public string Description { get; }

    /// <inheritdoc/>
    public override string ToString() => $"{Code}: {Description}";

    private static bool IsValidCode(string? code) => Names.IsToken(code, MaxCodeLength, CodeChars);
}
