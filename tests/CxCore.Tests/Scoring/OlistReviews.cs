using System.Text;
using CxCore.Tests.TestSupport;

namespace CxCore.Tests.Scoring;

/// <summary>
/// Reads the real Olist review sample from ../shared/data/olist (CC BY-NC-SA 4.0, never copied into the repository)
/// as polarity-labelled texts: 1–2 stars negative, 4–5 positive, 3 and empty comments left out. The development split
/// (review ids starting 0–7) was used to tune the lexicon; the held-out split (8–f) only to report accuracy.
/// </summary>
internal static class OlistReviews
{
    public const string FileName = "olist_order_reviews_dataset.csv";

    /// <summary>The folder holding the Olist CSV files, found by walking up from the test binaries; null when absent.</summary>
    public static string? FindFolder() =>
        TestPaths.FindFileAbove(Path.Combine("shared", "data", "olist", FileName), Path.Combine("..", "shared", "data", "olist", FileName)) is { } file
            ? Path.GetDirectoryName(file)
            : null;

    public static IReadOnlyList<LabelledText> Load(string folder, bool heldOut)
    {
        var result = new List<LabelledText>();
        using var reader = new StreamReader(Path.Combine(folder, FileName), Encoding.UTF8);
        var header = ReadRecord(reader) ?? throw new InvalidDataException("The reviews file is empty.");
        var id = header.IndexOf("review_id");
        var score = header.IndexOf("review_score");
        var title = header.IndexOf("review_comment_title");
        var message = header.IndexOf("review_comment_message");
        while (ReadRecord(reader) is { } record)
        {
            if (record.Count <= message || !int.TryParse(record[score], out var stars) || stars == 3)
            {
                continue;
            }

            var text = $"{record[title]} {record[message]}".Trim();
            var isHeldOut = record[id].Length > 0 && record[id][0] is >= '8' and <= '9' or >= 'a' and <= 'f';
            if (text.Length == 0 || isHeldOut != heldOut)
            {
                continue;
            }

            result.Add(new LabelledText(stars >= 4, "pt", text));
        }

        return result;
    }

    // One RFC 4180 record: quoted fields may hold commas, doubled quotes and line breaks.
    private static List<string>? ReadRecord(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var any = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                if (!any)
                {
                    return null;
                }

                fields.Add(field.ToString());
                return fields;
            }

            any = true;
            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    field.Append((char)c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                return fields;
            }
            else
            {
                field.Append((char)c);
            }
        }
    }
}
