using CxCore.Domain;
using CxCore.Scoring;
using CxCore.Tests.TestSupport;

namespace CxCore.Tests.Scoring;

/// <summary>
/// Polarity accuracy of the sentiment scorer. A text with no sentiment word (no opinion) counts as an error.
/// </summary>
public sealed class SentimentAccuracyTests(ITestOutputHelper output)
{
    private const string FixtureName = "sentiment-labelled.tsv";

    [Fact]
    public void Own_fixture_has_at_least_200_labelled_english_and_portuguese_texts_and_scores_at_least_90_percent()
    {
        var fixture = LoadFixture();
        Assert.True(fixture.Count >= 200, $"{fixture.Count} texts");
        Assert.True(fixture.Count(t => t.Language == "en") >= 100);
        Assert.True(fixture.Count(t => t.Language == "pt") >= 100);

        var overall = Measure(fixture);
        var en = Measure(fixture.Where(t => t.Language == "en").ToList());
        var pt = Measure(fixture.Where(t => t.Language == "pt").ToList());
        output.WriteLine($"Fixture: {overall}; English: {en}; Portuguese: {pt}");
        Assert.True(overall.Accuracy >= 0.90, overall.ToString());
        Assert.True(en.Accuracy >= 0.85 && pt.Accuracy >= 0.85, $"English {en}; Portuguese {pt}");
    }

    [Fact]
    public void Olist_held_out_reviews_1_2_vs_4_5_stars_score_at_least_75_percent()
    {
        var folder = OlistReviews.FindFolder();
        if (folder is null)
        {
            Assert.Skip("The Olist sample (shared/data/olist/olist_order_reviews_dataset.csv) is not beside the repository; it is CC BY-NC-SA and never copied in.");
        }

        var heldOut = OlistReviews.Load(folder, heldOut: true);
        var development = OlistReviews.Load(folder, heldOut: false);
        Assert.True(heldOut.Count >= 200, $"{heldOut.Count} held-out reviews");

        var result = Measure(heldOut);
        output.WriteLine($"Olist held-out: {result}; development split: {Measure(development)}");
        Assert.True(result.Accuracy >= 0.75, result.ToString());
        Assert.True(result.BalancedAccuracy >= 0.75, result.ToString());
    }

    // Read from the source tree (found by walking up from the test binaries), so the fixture needs no build step.
    private static List<LabelledText> LoadFixture() =>
        [.. File.ReadAllLines(FindFixture())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => new LabelledText(parts[0] == "pos", parts[1], parts[2]))];

    private static string FindFixture() =>
        TestPaths.FindFileAbove(Path.Combine("Scoring", "Fixtures", FixtureName), Path.Combine("tests", "CxCore.Tests", "Scoring", "Fixtures", FixtureName))
        ?? throw new FileNotFoundException($"{FixtureName} not found above {AppContext.BaseDirectory}.");

    private static AccuracyResult Measure(IReadOnlyList<LabelledText> texts)
    {
        var scorer = new SentimentScorer();
        int correct = 0, positives = 0, truePositives = 0, trueNegatives = 0, abstained = 0;
        foreach (var text in texts)
        {
            var interaction = new Interaction(new InteractionId("t"), new CustomerId("c"), Scenario.Start, Channel.Web, "review") { Text = text.Text };
            var context = new ScoringContext([], Scenario.Start, isLatest: true);
            positives += text.Positive ? 1 : 0;
            if (!scorer.TryScore(interaction, in context, out var component) || component.Score == 50)
            {
                abstained++;
                continue;
            }

            if (component.Score > 50 == text.Positive)
            {
                correct++;
                truePositives += text.Positive ? 1 : 0;
                trueNegatives += text.Positive ? 0 : 1;
            }
        }

        var negatives = texts.Count - positives;
        return new AccuracyResult(texts.Count, positives, correct, abstained, ((truePositives / (double)positives) + (trueNegatives / (double)negatives)) / 2);
    }

    private sealed record AccuracyResult(int Count, int Positives, int Correct, int Abstained, double BalancedAccuracy)
    {
        public double Accuracy => Correct / (double)Count;

        public override string ToString() =>
            $"{Accuracy:P1} of {Count} ({Positives} positive, {Count - Positives} negative; balanced {BalancedAccuracy:P1}; {Abstained} without opinion)";
    }
}
