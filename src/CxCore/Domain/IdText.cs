namespace CxCore.Domain;

/// <summary>Validation shared by the string-backed identifiers.</summary>
internal static class IdText
{
    /// <summary>The longest identifier accepted, in UTF-16 code units.</summary>
    public const int MaxLength = 256;

    public static string Validate(string? value, string typeName, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName, $"{typeName} must not be null.");
        }

        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{typeName} must not be empty or white space, but was '{value}'.", paramName);
        }

        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"{typeName} must be at most {MaxLength} characters, but was {value.Length} characters long.", paramName);
        }

        if (value.AsSpan().ContainsAnyInRange('\0', '\u001f') || value.Contains('\u007f', StringComparison.Ordinal))
        {
            throw new ArgumentException($"{typeName} must not contain control characters, but was '{Escape(value)}'.", paramName);
        }

        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]))
        {
            throw new ArgumentException($"{typeName} must not start or end with white space, but was '{value}'.", paramName);
        }

        return value;
    }

    public static string ThrowIfDefault(string? value, string typeName, string paramName) =>
        value ?? throw new ArgumentException($"{typeName} must not be the default (empty) value; create it with a non-empty string.", paramName);

    private static string Escape(string value)
    {
        var chars = new System.Text.StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                chars.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }
}
