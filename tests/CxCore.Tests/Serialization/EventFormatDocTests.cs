using System.Text;
using System.Text.RegularExpressions;
using CxCore.Domain;
using CxCore.Serialization;
using static CxCore.Tests.Serialization.SerializationTestKit;

namespace CxCore.Tests.Serialization;

/// <summary>Keeps docs/event-format.md honest: its example data must read without error, and its examples agree.</summary>
public sealed partial class EventFormatDocTests
{
    private static string Doc()
    {
        var fixtures = Fixture(string.Empty);
        var root = Path.GetFullPath(Path.Combine(fixtures, "..", "..", "..", ".."));
        return File.ReadAllText(Path.Combine(root, "docs", "event-format.md"));
    }

    private static List<string> Blocks(string language) =>
        [.. FencedBlock().Matches(Doc()).Where(m => m.Groups["lang"].Value == language).Select(m => m.Groups["body"].Value)];

    [Fact]
    public async Task Every_JSONL_and_CSV_example_in_the_format_doc_reads_without_error()
    {
        var jsonl = Blocks("jsonl");
        var csv = Blocks("csv");
        Assert.NotEmpty(jsonl);
        Assert.Equal(2, csv.Count);

        foreach (var block in jsonl)
        {
            var result = await ReadJsonLines(block);
            Assert.Empty(result.Report.Errors);
            Assert.NotEmpty(result.Interactions);
        }

        foreach (var block in csv)
        {
            var result = await ReadCsv(block);
            Assert.Empty(result.Report.Errors);
            Assert.Equal(2, result.Interactions.Count);
        }
    }

    [Fact]
    public async Task The_JSONL_and_CSV_examples_of_the_doc_describe_the_same_events_and_match_the_fixtures()
    {
        var jsonl = await ReadJsonLines(Blocks("jsonl")[0]);
        var csv = await ReadCsv(Blocks("csv")[0]);

        for (var i = 0; i < 2; i++)
        {
            AssertSame(jsonl.Interactions[i], csv.Interactions[i]);
        }

        Assert.Equal(File.ReadAllText(Fixture("examples.jsonl")), Blocks("jsonl")[0]);
        Assert.Equal(File.ReadAllText(Fixture("examples.jsonl")), WriteJsonLines(jsonl.Interactions.Take(1)) + File.ReadAllLines(Fixture("examples.jsonl"))[1] + "\n");
    }

    [Fact]
    public async Task The_CSV_example_with_a_multi_line_review_keeps_its_text()
    {
        var result = await ReadCsv(Blocks("csv")[1]);

        Assert.Equal("Great product, fast \"delivery\"\nSecond line of the review", result.Interactions[0].Text);
        Assert.Equal("spring-sale", result.Interactions[0].Attributes["campaign"]);
        Assert.Empty(result.Interactions[1].Attributes);
        Assert.Equal(new Channel("store"), result.Interactions[1].Channel);
    }

    private static string WriteJsonLines(IEnumerable<Interaction> interactions)
    {
        using var stream = new MemoryStream();
        InteractionWriter.WriteJsonLines(stream, interactions);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    [GeneratedRegex(@"```(?<lang>\w+)\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlock();
}
