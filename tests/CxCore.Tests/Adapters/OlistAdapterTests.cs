using CxCore.Adapters;
using CxCore.Domain;
using CxCore.Journeys;
using CxCore.Tests.TestSupport;

namespace CxCore.Tests.Adapters;

/// <summary>
/// The Olist adapter over a tiny hand-written fixture in the Olist layout (Adapters/Fixtures/olist): a BOM header, a
/// quoted multi-line comment with doubled quotes, a customer with two orders, an order without a delivery date, a
/// cancelled order, a review id shared by two orders, and bad rows (a bad timestamp, a review of that rejected order,
/// a score of 9).
/// </summary>
public sealed class OlistAdapterTests
{
    private static readonly TimeSpan SaoPaulo = TimeSpan.FromHours(-3);

    [Fact]
    public async Task Reads_every_valid_row_and_reports_every_bad_one_with_file_line_field_and_value()
    {
        var (interactions, errors) = await ReadFixtureAsync();

        Assert.Equal(
            [
                "olist:order:o1:purchase", "olist:order:o1:shipped", "olist:order:o1:delivered",
                "olist:order:o2:purchase", "olist:order:o2:shipped", "olist:order:o2:delivered",
                "olist:order:o3:purchase", "olist:order:o3:shipped",
                "olist:order:o4:purchase",
                "olist:review:r1:o1", "olist:review:r2:o2", "olist:review:r3:o3", "olist:review:rdup:o1", "olist:review:rdup:o3",
            ],
            interactions.Select(i => i.Id.Value));
        Assert.Equal(
            [
                "olist_orders_dataset.csv: line 6: field 'order_purchase_timestamp': value '2018-13-01 10:00:00': not a timestamp of the form yyyy-MM-dd HH:mm:ss",
                "olist_order_reviews_dataset.csv: line 8: field 'order_id': value 'o5': no such order in olist_orders_dataset.csv (or its row was rejected)",
                "olist_order_reviews_dataset.csv: line 9: field 'review_score': value '9': review_score must be a whole number from 1 to 5",
            ],
            errors.Select(e => e.ToString()));
        Assert.Equal(("olist_orders_dataset.csv", 6L, "order_purchase_timestamp", "2018-13-01 10:00:00"), (errors[0].File, errors[0].Error.LineNumber, errors[0].Error.Field, errors[0].Error.Value));
    }

    [Fact]
    public async Task Orders_are_filed_under_customer_unique_id_so_repeat_purchases_join_up()
    {
        var (interactions, _) = await ReadFixtureAsync();

        var purchases = interactions.Where(i => i.Kind == "purchase").ToLookup(i => i.CustomerId.Value, i => i.Attributes["order_id"]);
        Assert.Equal(["o1", "o3"], purchases["u1"]);
        Assert.Equal(["o2"], purchases["u2"]);
        Assert.All(interactions.Where(i => i.Attributes["order_id"] is "o1" or "o3"), i => Assert.Equal("u1", i.CustomerId.Value));
    }

    [Fact]
    public async Task Purchase_is_on_the_web_at_Sao_Paulo_time_with_status_payments_and_failed_when_cancelled()
    {
        var (interactions, _) = await ReadFixtureAsync();
        var o1 = Single(interactions, "olist:order:o1:purchase");
        var o4 = Single(interactions, "olist:order:o4:purchase");
        var o3 = Single(interactions, "olist:order:o3:purchase");

        Assert.Equal(new DateTimeOffset(2018, 1, 2, 10, 0, 0, SaoPaulo), o1.Timestamp);
        Assert.Equal((Channel.Web, "purchase", InteractionOutcome.Succeeded, 72.19m, "delivered"), (o1.Channel, o1.Kind, o1.Outcome, o1.Signals.Value, o1.Attributes["order_status"]));
        Assert.Equal((InteractionOutcome.Failed, 30.00m, "canceled", "not_delivered"), (o4.Outcome, o4.Signals.Value, o4.Attributes["order_status"], o4.Attributes["delivery"]));
        Assert.Null(o3.Signals.Value); // no payment rows
    }

    [Fact]
    public async Task Delivery_is_late_only_after_the_estimated_calendar_date_and_a_late_delivery_fails()
    {
        var (interactions, _) = await ReadFixtureAsync();
        var onTheDay = Single(interactions, "olist:order:o1:delivered"); // 2018-01-10 15:30, estimate 2018-01-10 (midnight)
        var late = Single(interactions, "olist:order:o2:delivered");
        var shipped = Single(interactions, "olist:order:o2:shipped");

        Assert.Equal((Channel.Delivery, "delivered", InteractionOutcome.Succeeded, "on_time"), (onTheDay.Channel, onTheDay.Kind, onTheDay.Outcome, onTheDay.Attributes["delivery"]));
        Assert.Equal((InteractionOutcome.Failed, "late"), (late.Outcome, late.Attributes["delivery"]));
        Assert.Equal((Channel.Delivery, "shipped", new DateTimeOffset(2018, 1, 6, 8, 0, 0, SaoPaulo)), (shipped.Channel, shipped.Kind, shipped.Timestamp));
        Assert.DoesNotContain(interactions, i => i.Id.Value == "olist:order:o3:delivered");
    }

    [Fact]
    public async Task Review_carries_score_text_and_its_orders_delivery_and_a_shared_review_id_yields_one_review_per_order()
    {
        var (interactions, _) = await ReadFixtureAsync();
        var r1 = Single(interactions, "olist:review:r1:o1");

        Assert.Equal((Channel.Email, "review", 5, new DateTimeOffset(2018, 1, 9, 0, 0, 0, SaoPaulo)), (r1.Channel, r1.Kind, r1.Signals.Csat, r1.Timestamp));
        Assert.Equal("Ótimo\nChegou antes do prazo, \"perfeito\"\nrecomendo", r1.Text);
        Assert.Equal("Atrasou muito", Single(interactions, "olist:review:r2:o2").Text);
        Assert.Null(Single(interactions, "olist:review:r3:o3").Text);
        Assert.Equal(
            [("r1", "on_time"), ("r2", "late"), ("r3", "not_delivered"), ("rdup", "on_time"), ("rdup", "not_delivered")],
            interactions.Where(i => i.Kind == "review").Select(i => (i.Attributes["review_id"], i.Attributes["delivery"])));
    }

    [Fact]
    public async Task Default_journey_moves_customers_through_purchase_use_support_and_repeat_purchase()
    {
        var (interactions, _) = await ReadFixtureAsync();
        var projector = new JourneyProjector(DefaultJourney.Definition, InteractionClassifier.Default);
        var asOf = new DateTimeOffset(2018, 3, 1, 0, 0, 0, SaoPaulo);

        var u1 = projector.Project(new CustomerId("u1"), interactions.Where(i => i.CustomerId.Value == "u1"), asOf);
        var u2 = projector.Project(new CustomerId("u2"), interactions.Where(i => i.CustomerId.Value == "u2"), asOf);

        // A 5-star review before the first delivery, the second order, then a 4-star review of it.
        Assert.Equal([JourneyStage.Awareness, JourneyStage.Purchase, JourneyStage.Advocacy, JourneyStage.RepeatPurchase, JourneyStage.Advocacy], u1.StageHistory.Select(v => v.Stage));
        Assert.Equal([JourneyStage.Awareness, JourneyStage.Purchase, JourneyStage.Use, JourneyStage.Support], u2.StageHistory.Select(v => v.Stage)); // late, then a 1-star review
    }

    [Fact]
    public async Task Strict_mode_stops_at_the_first_bad_row_with_the_same_error()
    {
        var e = await Assert.ThrowsAsync<OlistReadException>(() => ReadAllAsync(FixtureFolder(), new OlistOptions { Strict = true }));

        Assert.Equal("olist_orders_dataset.csv", e.Error.File);
        Assert.Equal(6, e.Error.Error.LineNumber);
        Assert.Equal(e.Error.ToString(), e.Message);
    }

    [Fact]
    public async Task Timestamps_take_the_configured_offset()
    {
        var interactions = await ReadAllAsync(FixtureFolder(), new OlistOptions { UtcOffset = TimeSpan.Zero });

        Assert.Equal(new DateTimeOffset(2018, 1, 2, 10, 0, 0, TimeSpan.Zero), Single(interactions, "olist:order:o1:purchase").Timestamp);
    }

    [Fact]
    public async Task A_header_without_a_required_column_fails_the_read_even_when_not_strict()
    {
        using var folder = TempFolder.CopyOf(FixtureFolder());
        await File.WriteAllTextAsync(Path.Combine(folder.Path, OlistAdapter.ReviewsFile), "review_id,order_id,review_comment_title,review_comment_message,review_creation_date\n", TestContext.Current.CancellationToken);

        var e = await Assert.ThrowsAsync<OlistReadException>(() => ReadAllAsync(folder.Path, new OlistOptions()));

        Assert.Equal((OlistAdapter.ReviewsFile, 1L, "review_score"), (e.Error.File, e.Error.Error.LineNumber, e.Error.Error.Field));
    }

    [Fact]
    public async Task A_customer_id_the_domain_refuses_is_reported_against_its_column_with_its_value()
    {
        using var folder = TempFolder.CopyOf(FixtureFolder());
        var customers = Path.Combine(folder.Path, OlistAdapter.CustomersFile);
        await File.WriteAllTextAsync(customers, (await File.ReadAllTextAsync(customers, TestContext.Current.CancellationToken)).Replace("c1,u1,", "c1,u1 ,", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        var errors = new List<OlistReadError>();

        await ReadAllAsync(folder.Path, new OlistOptions { OnError = errors.Add });

        var error = Assert.Single(errors, e => e.Error.Field == "customer_unique_id");
        Assert.Equal((OlistAdapter.OrdersFile, "u1 "), (error.File, error.Error.Value));
        Assert.DoesNotContain("(Parameter", error.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_that_names_a_column_twice_fails_the_read_naming_it()
    {
        using var folder = TempFolder.CopyOf(FixtureFolder());
        await File.WriteAllTextAsync(Path.Combine(folder.Path, OlistAdapter.ReviewsFile), "review_id,order_id,review_score,review_score,review_comment_title,review_comment_message,review_creation_date\n", TestContext.Current.CancellationToken);

        var e = await Assert.ThrowsAsync<OlistReadException>(() => ReadAllAsync(folder.Path, new OlistOptions()));

        Assert.Equal((OlistAdapter.ReviewsFile, 1L, "review_score"), (e.Error.File, e.Error.Error.LineNumber, e.Error.Error.Field));
        Assert.Contains("twice (columns 3 and 4)", e.Error.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_rows_are_reported_and_skipped()
    {
        using var folder = TempFolder.CopyOf(FixtureFolder());
        await File.AppendAllTextAsync(Path.Combine(folder.Path, OlistAdapter.ReviewsFile), "r7,o1,4,,\"unclosed \"quote,2018-01-30 00:00:00,x\nr8,o1,4\nr9,o2,2,,\"never closed\n", TestContext.Current.CancellationToken);
        var all = new List<OlistReadError>();

        var interactions = await ReadAllAsync(folder.Path, new OlistOptions { OnError = all.Add });

        var errors = all.Where(e => e.File == OlistAdapter.ReviewsFile).ToList();
        Assert.Equal(14, interactions.Count);
        Assert.Equal([8L, 9L, 10L, 11L, 12L], errors.Select(e => e.Error.LineNumber));
        Assert.Contains("text after its closing quote", errors[2].Error.Reason, StringComparison.Ordinal);
        Assert.Contains("has 3 fields, but the header has 7", errors[3].Error.Reason, StringComparison.Ordinal);
        Assert.Contains("not closed before the end of the file", errors[4].Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Arguments_are_checked_before_enumeration()
    {
        Assert.Throws<ArgumentNullException>(() => OlistAdapter.ReadAsync(null!, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<ArgumentException>(() => OlistAdapter.ReadAsync(" ", cancellationToken: TestContext.Current.CancellationToken));
        Assert.Throws<DirectoryNotFoundException>(() => OlistAdapter.ReadAsync(Path.Combine(FixtureFolder(), "no-such-folder"), cancellationToken: TestContext.Current.CancellationToken));
        using var empty = new TempFolder();
        var missing = Assert.Throws<FileNotFoundException>(() => OlistAdapter.ReadAsync(empty.Path, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains(OlistAdapter.OrdersFile, missing.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new OlistOptions { UtcOffset = TimeSpan.FromHours(15) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new OlistOptions { UtcOffset = TimeSpan.FromSeconds(30) });
    }

    internal static string FixtureFolder() =>
        TestPaths.FindFileAbove(
            Path.Combine("Adapters", "Fixtures", "olist", OlistAdapter.OrdersFile),
            Path.Combine("tests", "CxCore.Tests", "Adapters", "Fixtures", "olist", OlistAdapter.OrdersFile)) is { } file
            ? Path.GetDirectoryName(file)!
            : throw new FileNotFoundException($"The Olist fixture was not found above {AppContext.BaseDirectory}.");

    private static async Task<(List<Interaction> Interactions, List<OlistReadError> Errors)> ReadFixtureAsync()
    {
        var errors = new List<OlistReadError>();
        var interactions = await ReadAllAsync(FixtureFolder(), new OlistOptions { OnError = errors.Add });
        return (interactions, errors);
    }

    private static async Task<List<Interaction>> ReadAllAsync(string folder, OlistOptions options)
    {
        var list = new List<Interaction>();
        await foreach (var interaction in OlistAdapter.ReadAsync(folder, options, TestContext.Current.CancellationToken))
        {
            list.Add(interaction);
        }

        return list;
    }

    private static Interaction Single(List<Interaction> interactions, string id) => Assert.Single(interactions, i => i.Id.Value == id);

    private sealed class TempFolder : IDisposable
    {
        public TempFolder() => Directory.CreateDirectory(Path);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cxcore-olist-" + Guid.NewGuid().ToString("N"));

        public static TempFolder CopyOf(string source)
        {
            var folder = new TempFolder();
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, System.IO.Path.Combine(folder.Path, System.IO.Path.GetFileName(file)));
            }

            return folder;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
