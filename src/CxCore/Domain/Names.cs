using System.Diagnostics.CodeAnalysis;

namespace CxCore.Domain;

/// <summary>Validation of the symbolic names used for stages, triggers and identity kinds.</summary>
internal static class Names
{
    public const int MaxLength = 64;

    /// <summary>A letter followed by letters, digits, '-' or '_', at most <see cref="MaxLength"/> characters.</summary>
    public static bool IsValid([NotNullWhen(true)] string? name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxLength || !char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    public static string Validate(string? name, string typeName, string paramName) =>
        IsValid(name)
            ? name
            : throw new ArgumentException(
                $"{typeName} name must be 1-{MaxLength} ASCII letters, digits, '-' or '_', starting with a letter, but was '{name}'.",
                paramName);
}
