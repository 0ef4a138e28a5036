using System.Text;
using CsCheck;
using CxCore.Domain;
using CxCore.Serialization;
using static CxCore.Tests.Serialization.SerializationTestKit;

namespace CxCore.Tests.Serialization;

/// <summary>
/// JSON Lines parsed on several threads (<see cref="InteractionReaderOptions.ParseParallelism"/>) give exactly what one
/// thread gives: the same events in the same order, the same report and errors, the same dead letter, the same strict
/// failure, over inputs that mix good lines, bad ones, blank ones, duplicates, over-long ones and invalid UTF-8.
/// </summary>
public sealed class ParallelParseTests
{
    private const int MaxLineBytes = 300;

    private static string Event(int id, string extra = "") =>
        $$"""{"id":"e-{{id}}","customerId":"c-{{id % 7}}","timestamp":"2024-03-01T09:{{id % 60:00}}:00+00:00","channel":"web","kind":"page_view"{{extra}}}""";

    /// <summary>One line's bytes (without its break), from a kind of line and a number.</summary>
    private static byte[] Line(int kind, int n) => kind switch
    {
        0 or 1 or 2 => Utf8(Event(n)),
        3 => Utf8(Event(n, ",\"nps\":11")),
        4 => Utf8("{\"id\":\"e-" + n + "\",\"customerId\":"),
        5 => Utf8(Event(n % 5)), // a duplicate id, most of the time
        6 => Utf8(n % 2 == 0 ? "" : "  \t"),
        7 => Utf8(Event(n, ",\"text\":\"" + new string('x', MaxLineBytes) + "\"")), // over the limit
        8 => [.. Utf8(Event(n, ",\"text\":\"x").TrimEnd('}')), 0xC0, 0xAF, .. Utf8("\"}")], // invalid UTF-8
        9 => Utf8(Event(n, ",\"channel\":\"pigeon\"")),
        _ => Utf8(Event(n, ",\"csat\":\"five\"")),
    };

    /// <summary>Inputs of up to 700 lines (several chunks), LF or CRLF, with or without a final line break, and a read size.</summary>
    private static readonly Gen<(byte[] Input, int ReadSize)> GenInput =
        Gen.Select(Gen.Int[0, 10], Gen.Int[0, 1_000], Gen.Bool).Array[0, 700].SelectMany(lines =>
            Gen.Select(Gen.Bool, Gen.OneOf(Gen.Const(1 << 20), Gen.Int[1, 4_000])).Select((finalBreak, readSize) =>
            {
                var bytes = new List<byte>();
                for (var i = 0; i < lines.Length; i++)
                {
                    var (kind, n, crlf) = lines[i];
                    bytes.AddRange(Line(kind, n));
                    if (i < lines.Length - 1 || finalBreak)
                    {
                        bytes.AddRange(crlf ? "\r\n"u8.ToArray() : "\n"u8.ToArray());
                    }
                }

                return (bytes.ToArray(), readSize);
            }));

    [Fact]
    public void Parsing_on_several_threads_gives_what_one_thread_gives()
    {
        GenInput.Sample(
            sample =>
            {
                var (input, readSize) = sample;
                var expected = Read(input, csv: false, Options(1), chunk: readSize).GetAwaiter().GetResult();
                foreach (var parallelism in new[] { 2, 3 })
                {
                    var actual = Read(input, csv: false, Options(parallelism), chunk: readSize).GetAwaiter().GetResult();
                    AssertSameRead(expected, actual);
                }
            },
            iter: 60,
            print: s => $"{s.Input.Length} bytes, read {s.ReadSize} at a time: {Encoding.UTF8.GetString(s.Input)}");
    }

    [Fact]
    public void A_strict_read_on_several_threads_fails_at_the_same_line_after_the_same_events()
    {
        GenInput.Sample(
            sample =>
            {
                var (input, readSize) = sample;
                var expected = ReadStrict(input, readSize, 1);
                var actual = ReadStrict(input, readSize, 3);
                Assert.Equal(expected.Ids, actual.Ids);
                Assert.Equal(expected.Error, actual.Error);
            },
            iter: 60,
            print: s => $"{s.Input.Length} bytes, read {s.ReadSize} at a time: {Encoding.UTF8.GetString(s.Input)}");
    }

    /// <summary>Inputs the random ones do not reach: lines over a chunk's 64 KB, 10 MB lines, a BOM, a lone CR, nothing.</summary>
    public static TheoryData<string, int> Special()
    {
        var big = Event(1, ",\"text\":\"" + new string('y', 70_000) + "\"");
        var huge = Event(2, ",\"text\":\"" + new string('z', 10_000_000) + "\"");
        return new TheoryData<string, int>
        {
            { "", 1 << 20 },
            { "\uFEFF", 1 << 20 },
            { "\uFEFF" + Event(1) + "\n" + Event(2), 1 << 20 },
            { "\r", 1 << 20 },
            { Event(0) + "\n" + big + "\n" + Event(3) + "\r\n" + big, 1 << 20 },
            { Event(0) + "\n" + huge + "\n" + Event(3) + "\n" + huge, 1 << 20 },
            { Event(0) + "\n" + huge + "\n" + Event(3) + "\n" + huge + "\n" + big, 256 },
        };
    }

    [Theory]
    [MemberData(nameof(Special))]
    public async Task Long_lines_and_edge_inputs_give_what_one_thread_gives(string text, int maxLineBytes)
    {
        var input = Utf8(text);
        foreach (var readSize in new[] { 4_096, 1 << 20 })
        {
            var (expected, expectedErrors) = await ReadCollectingErrors(input, readSize, maxLineBytes, 1);
            var (actual, actualErrors) = await ReadCollectingErrors(input, readSize, maxLineBytes, 3);
            AssertSameRead(expected, actual);
            Assert.Equal(expectedErrors, actualErrors); // OnError, in the same order
        }
    }

    [Fact]
    public void The_default_parses_on_the_reading_thread() => Assert.Equal(1, new InteractionReaderOptions().ParseParallelism);

    [Theory]
    [InlineData(0)]
    [InlineData(1025)]
    public void An_out_of_range_parse_parallelism_is_rejected_naming_the_option(int parallelism)
    {
        var error = Assert.Throws<ArgumentException>(() => new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions { ParseParallelism = parallelism }));

        Assert.Contains($"ParseParallelism must be between 1 and 1024, but was {parallelism}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stream_that_fails_is_thrown_after_the_lines_before_it()
    {
        var lines = string.Concat(Enumerable.Range(0, 2_000).Select(i => Event(i) + "\n"));
        var reader = new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions { ParseParallelism = 2 });
        await using var source = new FailingStream(Utf8(lines), failAt: 150_000);
        var ids = new List<string>();

        await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var interaction in reader.ReadJsonLinesAsync(source, cancellationToken: TestContext.Current.CancellationToken))
            {
                ids.Add(interaction.Id.Value);
            }
        });

        // Every whole line before the failure came out, in order.
        var whole = Encoding.UTF8.GetString(Utf8(lines), 0, 150_000).Count(c => c == '\n');
        Assert.Equal(Enumerable.Range(0, whole).Select(i => $"e-{i}"), ids.Take(whole));
        Assert.True(ids.Count <= whole + 1);
    }

    private static async Task<(ReadResult Result, List<ReadError> Errors)> ReadCollectingErrors(byte[] input, int readSize, int maxLineBytes, int parallelism)
    {
        var errors = new List<ReadError>();
        var options = new InteractionReaderOptions { MaxLineBytes = maxLineBytes, ParseParallelism = parallelism, OnError = errors.Add };
        return (await Read(input, csv: false, options, chunk: readSize), errors);
    }

    private static InteractionReaderOptions Options(int parallelism) =>
        new() { MaxLineBytes = MaxLineBytes, ParseParallelism = parallelism, MaxReportedErrors = 10_000 };

    private static (List<string> Ids, ReadError? Error) ReadStrict(byte[] input, int readSize, int parallelism)
    {
        var reader = new InteractionReader(ChannelRegistry.WellKnown, new InteractionReaderOptions { MaxLineBytes = MaxLineBytes, ParseParallelism = parallelism, Strict = true });
        var ids = new List<string>();
        try
        {
            using var source = new TrickleStream(input, readSize);
            foreach (var interaction in reader.ReadJsonLinesAsync(source).ToBlockingEnumerable())
            {
                ids.Add(interaction.Id.Value);
            }

            return (ids, null);
        }
        catch (InteractionReadException error)
        {
            return (ids, error.Error);
        }
    }

    private static void AssertSameRead(ReadResult expected, ReadResult actual)
    {
        Assert.Equal(expected.Interactions.Count, actual.Interactions.Count);
        for (var i = 0; i < expected.Interactions.Count; i++)
        {
            AssertSame(expected.Interactions[i], actual.Interactions[i]);
        }

        Assert.Equal(
            (expected.Report.LinesRead, expected.Report.Accepted, expected.Report.Rejected, expected.Report.BlankLines),
            (actual.Report.LinesRead, actual.Report.Accepted, actual.Report.Rejected, actual.Report.BlankLines));
        Assert.Equal(expected.Report.Errors, actual.Report.Errors);
        Assert.Equal(expected.DeadLetter, actual.DeadLetter);
    }

    /// <summary>A stream that throws <see cref="IOException"/> once <paramref name="failAt"/> bytes have been read.</summary>
    private sealed class FailingStream(byte[] data, int failAt) : TestSupport.ReadOnlyTestStream
    {
        private int _position;

        public override long Length => data.Length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(Span<byte> buffer)
        {
            if (_position >= failAt)
            {
                throw new IOException("the disk went away");
            }

            var n = Math.Min(Math.Min(buffer.Length, failAt - _position), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }
    }
}
