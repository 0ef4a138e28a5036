using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace CxCore.Domain;

/// <summary>Validation of the symbolic names used for stages, triggers and identity kinds.</summary>
internal static class Names
{
    public const int MaxLength = 64;

    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>A letter followed by letters, digits, '-' or '_', at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid([NotNullWhen(true)] string? name) => IsToken(name, MaxLength, NameChars);

    /// <summary>
    /// The one token rule behind stage, trigger and identity-kind names, channel names and reason codes: 1 to
    /// <paramref name="maxLength"/> characters, all in <paramref name="allowed"/>, the first an ASCII letter.
    /// </summary>
    public static bool IsToken([NotNullWhen(true)] string? text, int maxLength, SearchValues<char> allowed) =>
        !string.IsNullOrEmpty(text)
        && text.Length <= maxLength
        && char.IsAsciiLetter(text[0])
        && !text.AsSpan().ContainsAnyExcept(allowed);

    public static string Validate(string? name, string typeName, string paramName) =>
        IsValid(name)
            ? name
            : throw new ArgumentException(
                $"{typeName} name must be 1-{MaxLength} ASCII letters, digits, '-' or '_', starting with a letter, but was '{name}'.",
                paramName);
}
