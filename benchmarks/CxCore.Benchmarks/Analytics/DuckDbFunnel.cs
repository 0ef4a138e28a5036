using System.Reflection;
using DuckDB.NET.Data;

namespace CxCore.Benchmarks.Analytics;

/// <summary>
/// An in-memory DuckDB database holding <see cref="FunnelInteractions"/> as a table
/// <c>interactions(customer VARCHAR, id BIGINT, ts TIMESTAMP, kind VARCHAR)</c>, loaded with the Appender, and the funnel
/// queries of <c>FunnelQuery.sql</c> and <c>FunnelQueryWindows.sql</c> (embedded resources, shared with the equivalence test). DuckDB runs in this process,
/// with its default number of threads.
/// </summary>
internal sealed class DuckDbFunnel : IDisposable
{
    private readonly DuckDBConnection _connection;

    private DuckDbFunnel(DuckDBConnection connection) => _connection = connection;

    /// <summary>The funnel with ASOF joins (FunnelQuery.sql).</summary>
    public static string AsofJoinSql { get; } = ReadSql("FunnelQuery.sql");

    /// <summary>The funnel with window functions (FunnelQueryWindows.sql).</summary>
    public static string WindowFunctionSql { get; } = ReadSql("FunnelQueryWindows.sql");

    /// <summary>Loads <paramref name="data"/>, rows appended in <paramref name="order"/> (indexes; null: as generated).</summary>
    public static DuckDbFunnel Load(FunnelInteractions data, int[]? order = null)
    {
        var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE interactions(customer VARCHAR NOT NULL, id BIGINT NOT NULL, ts TIMESTAMP NOT NULL, kind VARCHAR NOT NULL)";
            create.ExecuteNonQuery();
        }

        var customers = Enumerable.Range(0, data.CustomerCount).Select(FunnelInteractions.CustomerIdOf).ToArray();
        using (var appender = connection.CreateAppender("interactions"))
        {
            for (var n = 0; n < data.Count; n++)
            {
                var i = order is null ? n : order[n];
                appender.CreateRow()
                    .AppendValue(customers[data.Customer[i]])
                    .AppendValue((long)i)
                    .AppendValue(new DateTime(data.Ticks[i], DateTimeKind.Utc))
                    .AppendValue(FunnelInteractions.Kinds[data.Kind[i]])
                    .EndRow();
            }
        }

        return new DuckDbFunnel(connection);
    }

    /// <summary>Runs the funnel query: customers reaching each of the four steps (kinds), events in [from, to).</summary>
    public long[] Run(string sql, IReadOnlyList<string> steps, DateTimeOffset from, DateTimeOffset to, TimeSpan window)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("from", from.UtcDateTime));
        command.Parameters.Add(new DuckDBParameter("to", to.UtcDateTime));
        command.Parameters.Add(new DuckDBParameter("window_us", window.Ticks / TimeSpan.TicksPerMicrosecond));
        for (var k = 0; k < steps.Count; k++)
        {
            command.Parameters.Add(new DuckDBParameter("step" + k.ToString(System.Globalization.CultureInfo.InvariantCulture), steps[k]));
        }

        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException("The funnel query returned no row.");
        }

        var counts = new long[reader.FieldCount];
        for (var k = 0; k < counts.Length; k++)
        {
            counts[k] = reader.GetInt64(k);
        }

        return counts;
    }

    public void Dispose() => _connection.Dispose();

    private static string ReadSql(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
