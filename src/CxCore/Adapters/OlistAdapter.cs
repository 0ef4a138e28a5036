using System.Globalization;
using System.Runtime.CompilerServices;
using CxCore.Domain;
using CxCore.Serialization;

namespace CxCore.Adapters;

/// <summary>
/// Turns the Olist Brazilian e-commerce public data set (CSV files as published on Kaggle) into canonical
/// <see cref="Interaction"/>s: per order a <c>purchase</c>, a <c>shipped</c> and a <c>delivered</c> event, and one
/// <c>review</c> per review row, all filed under the customer's <c>customer_unique_id</c> so repeat purchases join up.
/// The mapping is documented in docs/adapters.md.
/// </summary>
/// <example>
/// <code>
/// await foreach (var interaction in OlistAdapter.ReadAsync("data/olist", new OlistOptions { OnError = e => Console.Error.WriteLine(e) }))
/// {
///     await engine.RecordAsync(interaction);
/// }
/// // or: await engine.IngestAsync(OlistAdapter.ReadAsync("data/olist"));
/// </code>
/// </example>
public static class OlistAdapter
{
    /// <summary>The orders file (required).</summary>
    public const string OrdersFile = "olist_orders_dataset.csv";

    /// <summary>The customers file (required): maps each order's <c>customer_id</c> to the person's <c>customer_unique_id</c>.</summary>
    public const string CustomersFile = "olist_customers_dataset.csv";

    /// <summary>The reviews file (required).</summary>
    public const string ReviewsFile = "olist_order_reviews_dataset.csv";

    /// <summary>The payments file (optional): when present, a purchase's value is the sum of its order's payments.</summary>
    public const string PaymentsFile = "olist_order_payments_dataset.csv";

    private const string TimestampFormat = "yyyy-MM-dd HH:mm:ss";
    private const string Late = "late";
    private const string OnTime = "on_time";
    private const string NotDelivered = "not_delivered";

    private static readonly string[] CustomerColumns = ["customer_id", "customer_unique_id"];
    private static readonly string[] PaymentColumns = ["order_id", "payment_value"];
    private static readonly string[] OrderColumns = ["order_id", "customer_id", "order_status", "order_purchase_timestamp", "order_delivered_carrier_date", "order_delivered_customer_date", "order_estimated_delivery_date"];
    private static readonly string[] ReviewColumns = ["review_id", "order_id", "review_score", "review_comment_title", "review_comment_message", "review_creation_date"];

    /// <summary>
    /// Streams the interactions of the Olist files in <paramref name="directory"/>: the orders' events in file order,
    /// then the reviews'. Customers and payments are read first into lookups; orders are kept as a small lookup for
    /// their reviews. Bad rows are reported to <see cref="OlistOptions.OnError"/> and skipped (or stop the read in
    /// <see cref="OlistOptions.Strict"/> mode); every valid row is kept.
    /// </summary>
    /// <param name="directory">The folder holding <see cref="OrdersFile"/>, <see cref="CustomersFile"/>, <see cref="ReviewsFile"/> and optionally <see cref="PaymentsFile"/>.</param>
    /// <param name="options">Bad-row handling and the timestamps' offset; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The interactions, in file order (not time order: the engine puts each journey in time order).</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is null or white space.</exception>
    /// <exception cref="DirectoryNotFoundException"><paramref name="directory"/> does not exist.</exception>
    /// <exception cref="FileNotFoundException">A required file is missing.</exception>
    /// <exception cref="OlistReadException">
    /// While enumerating: a file is empty or its header lacks a required column, or — in strict mode — a row is bad.
    /// </exception>
    public static IAsyncEnumerable<Interaction> ReadAsync(string directory, OlistOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The Olist folder '{directory}' does not exist.");
        }

        foreach (var file in (string[])[OrdersFile, CustomersFile, ReviewsFile])
        {
            var path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The Olist folder '{directory}' has no {file}; the adapter needs {OrdersFile}, {CustomersFile} and {ReviewsFile} (and reads {PaymentsFile} when present).",
                    path);
            }
        }

        return ReadCoreAsync(directory, options ?? new OlistOptions(), cancellationToken);
    }

    private static async IAsyncEnumerable<Interaction> ReadCoreAsync(string directory, OlistOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var customers = await ReadCustomersAsync(Path.Combine(directory, CustomersFile), options, cancellationToken).ConfigureAwait(false);
        var paymentsPath = Path.Combine(directory, PaymentsFile);
        var payments = File.Exists(paymentsPath) ? await ReadPaymentsAsync(paymentsPath, options, cancellationToken).ConfigureAwait(false) : null;

        var orders = new Dictionary<string, Order>(StringComparer.Ordinal);
        using (var table = await OlistTable.OpenAsync(Path.Combine(directory, OrdersFile), OrderColumns, cancellationToken).ConfigureAwait(false))
        {
            while (await table.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
            {
                if (!Check(table, record, options))
                {
                    continue;
                }

                if (ParseOrder(table, record, customers, orders, payments, options) is { } events)
                {
                    foreach (var e in events)
                    {
                        yield return e;
                    }
                }
            }
        }

        var seenReviews = new HashSet<string>(StringComparer.Ordinal);
        using (var table = await OlistTable.OpenAsync(Path.Combine(directory, ReviewsFile), ReviewColumns, cancellationToken).ConfigureAwait(false))
        {
            while (await table.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
            {
                if (Check(table, record, options) && ParseReview(table, record, orders, seenReviews, options) is { } review)
                {
                    yield return review;
                }
            }
        }
    }

    private static async Task<Dictionary<string, string>> ReadCustomersAsync(string path, OlistOptions options, CancellationToken cancellationToken)
    {
        var customers = new Dictionary<string, string>(StringComparer.Ordinal);
        using var table = await OlistTable.OpenAsync(path, CustomerColumns, cancellationToken).ConfigureAwait(false);
        while (await table.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            if (!Check(table, record, options)
                || Required(table, record, "customer_id", options) is not { } id
                || Required(table, record, "customer_unique_id", options) is not { } unique)
            {
                continue;
            }

            if (!customers.TryAdd(id, unique))
            {
                Reject(options, table, record, "customer_id", id, "the customer_id appears more than once; the first row is kept");
            }
        }

        return customers;
    }

    /// <summary>Payment totals by order; an order with a bad payment row maps to null (its value is unknown, so it is left out).</summary>
    private static async Task<Dictionary<string, decimal?>> ReadPaymentsAsync(string path, OlistOptions options, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        using var table = await OlistTable.OpenAsync(path, PaymentColumns, cancellationToken).ConfigureAwait(false);
        while (await table.ReadAsync(cancellationToken).ConfigureAwait(false) is { } record)
        {
            if (!Check(table, record, options) || Required(table, record, "order_id", options) is not { } orderId)
            {
                continue;
            }

            var text = table.Get(record, "payment_value");
            if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                Reject(options, table, record, "payment_value", text, "not a non-negative decimal number such as 72.19; the order's purchase gets no value");
                totals[orderId] = null;
                continue;
            }

            totals[orderId] = totals.TryGetValue(orderId, out var sum) ? sum + value : value;
        }

        return totals;
    }

    private static List<Interaction>? ParseOrder(
        OlistTable table,
        CsvRecord record,
        Dictionary<string, string> customers,
        Dictionary<string, Order> orders,
        Dictionary<string, decimal?>? payments,
        OlistOptions options)
    {
        if (Required(table, record, "order_id", options) is not { } orderId
            || Required(table, record, "customer_id", options) is not { } customerId
            || Required(table, record, "order_status", options) is not { } status
            || Timestamp(table, record, "order_purchase_timestamp", required: true, options) is not { } purchased
            || !TryOptionalTimestamp(table, record, "order_delivered_carrier_date", options, out var shipped)
            || !TryOptionalTimestamp(table, record, "order_delivered_customer_date", options, out var delivered)
            || Timestamp(table, record, "order_estimated_delivery_date", required: true, options) is not { } estimated)
        {
            return null;
        }

        if (!customers.TryGetValue(customerId, out var person))
        {
            Reject(options, table, record, "customer_id", customerId, $"no such customer_id in {CustomersFile}");
            return null;
        }

        if (orders.ContainsKey(orderId))
        {
            Reject(options, table, record, "order_id", orderId, "the order_id appears more than once; the first row is kept");
            return null;
        }

        // Late by calendar date: the estimate is a date (written as midnight), so a parcel that arrives during that day is on time.
        var delivery = delivered is not { } d ? NotDelivered : DateOnly.FromDateTime(d.DateTime) > DateOnly.FromDateTime(estimated.DateTime) ? Late : OnTime;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["order_id"] = orderId, ["delivery"] = delivery };
        var failed = status is "canceled" or "unavailable";
        decimal? value = payments is not null && payments.TryGetValue(orderId, out var total) ? total : null;
        if (!TryValidate(() => new CustomerId(person), table, record, "customer_unique_id", person, options, out var customer)
            || !TryValidate(() => new InteractionId($"olist:order:{orderId}:purchase"), table, record, "order_id", orderId, options, out _))
        {
            return null;
        }

        try
        {
            var events = new List<Interaction>(3)
            {
                new(new InteractionId($"olist:order:{orderId}:purchase"), customer, purchased, Channel.Web, "purchase")
                {
                    Outcome = failed ? InteractionOutcome.Failed : InteractionOutcome.Succeeded,
                    Signals = new InteractionSignals { Value = value },
                    Attributes = new Dictionary<string, string>(attributes, StringComparer.Ordinal) { ["order_status"] = status },
                },
            };
            if (shipped is { } s)
            {
                events.Add(new(new InteractionId($"olist:order:{orderId}:shipped"), customer, s, Channel.Delivery, "shipped")
                {
                    Outcome = InteractionOutcome.Succeeded,
                    Attributes = attributes,
                });
            }

            if (delivered is { } at)
            {
                events.Add(new(new InteractionId($"olist:order:{orderId}:delivered"), customer, at, Channel.Delivery, "delivered")
                {
                    Outcome = delivery == Late ? InteractionOutcome.Failed : InteractionOutcome.Succeeded,
                    Attributes = attributes,
                });
            }

            orders.Add(orderId, new Order(customer, delivery));
            return events;
        }
        catch (ArgumentException e)
        {
            Reject(options, table, record, e.ParamName, null, ReadError.ReasonOf(e));
            return null;
        }
    }

    private static Interaction? ParseReview(OlistTable table, CsvRecord record, Dictionary<string, Order> orders, HashSet<string> seen, OlistOptions options)
    {
        if (Required(table, record, "review_id", options) is not { } reviewId
            || Required(table, record, "order_id", options) is not { } orderId
            || Timestamp(table, record, "review_creation_date", required: true, options) is not { } created)
        {
            return null;
        }

        var scoreText = table.Get(record, "review_score");
        if (!int.TryParse(scoreText, NumberStyles.None, CultureInfo.InvariantCulture, out var score) || score is < 1 or > 5)
        {
            Reject(options, table, record, "review_score", scoreText, "review_score must be a whole number from 1 to 5");
            return null;
        }

        if (!orders.TryGetValue(orderId, out var order))
        {
            Reject(options, table, record, "order_id", orderId, $"no such order in {OrdersFile} (or its row was rejected)");
            return null;
        }

        // review_id is not unique in Olist (one review can cover several orders), so the id pairs it with the order.
        var id = $"olist:review:{reviewId}:{orderId}";
        if (!seen.Add(id))
        {
            Reject(options, table, record, "review_id", reviewId, "this review of this order appears more than once; the first row is kept");
            return null;
        }

        var title = table.Get(record, "review_comment_title").Trim();
        var message = table.Get(record, "review_comment_message").Trim();
        var text = (title.Length, message.Length) switch
        {
            (0, 0) => null,
            (_, 0) => title,
            (0, _) => message,
            _ => title + "\n" + message,
        };
        if (!TryValidate(() => new InteractionId(id), table, record, "review_id", reviewId, options, out var interactionId))
        {
            return null;
        }

        if (text is { Length: > Interaction.MaxTextLength })
        {
            Reject(options, table, record, "review_comment_message", text[..64] + "…", $"title and message together must be at most {Interaction.MaxTextLength} characters, but were {text.Length}");
            return null;
        }

        try
        {
            return new Interaction(interactionId, order.Customer, created, Channel.Email, "review")
            {
                Outcome = InteractionOutcome.Succeeded,
                Signals = new InteractionSignals { Csat = score },
                Text = text,
                Attributes = new Dictionary<string, string>(StringComparer.Ordinal) { ["order_id"] = orderId, ["review_id"] = reviewId, ["delivery"] = order.Delivery },
            };
        }
        catch (ArgumentException e)
        {
            Reject(options, table, record, e.ParamName, null, ReadError.ReasonOf(e));
            return null;
        }
    }

    /// <summary>Rejects a record that could not be split or has the wrong number of fields.</summary>
    private static bool Check(OlistTable table, CsvRecord record, OlistOptions options)
    {
        if (record.Error is { } error)
        {
            Reject(options, table, record, null, null, "the row is malformed: " + error);
            return false;
        }

        if (record.Fields.Length != table.Width)
        {
            Reject(options, table, record, null, null, string.Create(CultureInfo.InvariantCulture, $"the row has {record.Fields.Length} fields, but the header has {table.Width}"));
            return false;
        }

        return true;
    }

    private static string? Required(OlistTable table, CsvRecord record, string column, OlistOptions options)
    {
        var value = table.Get(record, column);
        if (value.Length == 0)
        {
            Reject(options, table, record, column, null, column + " is required but empty");
            return null;
        }

        return value;
    }

    private static DateTimeOffset? Timestamp(OlistTable table, CsvRecord record, string column, bool required, OlistOptions options)
    {
        var text = table.Get(record, column);
        if (text.Length == 0)
        {
            if (required)
            {
                Reject(options, table, record, column, null, column + " is required but empty");
            }

            return null;
        }

        if (!DateTime.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            Reject(options, table, record, column, text, $"not a timestamp of the form {TimestampFormat}");
            return null;
        }

        return new DateTimeOffset(local, options.UtcOffset);
    }

    private static bool TryOptionalTimestamp(OlistTable table, CsvRecord record, string column, OlistOptions options, out DateTimeOffset? value)
    {
        value = Timestamp(table, record, column, required: false, options);
        return value is not null || table.Get(record, column).Length == 0;
    }

    /// <summary>Builds a domain value, reporting a validation failure against the CSV column it came from.</summary>
    private static bool TryValidate<T>(Func<T> create, OlistTable table, CsvRecord record, string field, string value, OlistOptions options, out T result)
    {
        try
        {
            result = create();
            return true;
        }
        catch (ArgumentException e)
        {
            Reject(options, table, record, field, value, ReadError.ReasonOf(e));
            result = default!;
            return false;
        }
    }

    private static void Reject(OlistOptions options, OlistTable table, CsvRecord record, string? field, string? value, string reason)
    {
        var error = new OlistReadError(table.FileName, new ReadError(record.Line, field, value, reason));
        if (options.Strict)
        {
            throw new OlistReadException(error);
        }

        options.OnError?.Invoke(error);
    }

    private sealed record Order(CustomerId Customer, string Delivery);
}
