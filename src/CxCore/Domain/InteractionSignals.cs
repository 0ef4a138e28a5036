using System.Globalization;

namespace CxCore.Domain;

/// <summary>
/// The measurable signals an interaction may carry: survey answers (CSAT, NPS, CES) and operational facts
/// (wait, handling time, monetary value). Every signal is optional; a scorer that finds its signal absent
/// simply has no opinion. Values are validated when set.
/// </summary>
/// <example>
/// <code>var signals = new InteractionSignals { Csat = 4, Wait = TimeSpan.FromMinutes(7) };</code>
/// </example>
public readonly record struct InteractionSignals
{
    /// <summary>The longest wait or handling time accepted (one year); anything longer is a unit error upstream.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);

    private readonly int? _csat;
    private readonly int? _nps;
    private readonly int? _ces;
    private readonly TimeSpan? _wait;
    private readonly TimeSpan? _handlingTime;
    private readonly decimal? _value;

    /// <summary>
    /// Rebuilds signals from values that were validated when they were first set (e.g. unpacked from an interaction's
    /// compact storage), without validating them again: reading signals is on the scoring hot path.
    /// </summary>
    internal InteractionSignals(int? csat, int? nps, int? ces, TimeSpan? wait, TimeSpan? handlingTime, decimal? value)
    {
        _csat = csat;
        _nps = nps;
        _ces = ces;
        _wait = wait;
        _handlingTime = handlingTime;
        _value = value;
    }

    /// <summary>Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1–5.</exception>
    public int? Csat { get => _csat; init => _csat = InRange(value, 1, 5, "csat", "CSAT"); }

    /// <summary>Net Promoter answer, 0 (not at all likely to recommend) to 10 (extremely likely).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 0–10.</exception>
    public int? Nps { get => _nps; init => _nps = InRange(value, 0, 10, "nps", "NPS"); }

    /// <summary>Customer effort, 1 (very low effort) to 7 (very high effort).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Outside 1–7.</exception>
    public int? Ces { get => _ces; init => _ces = InRange(value, 1, 7, "ces", "CES"); }

    /// <summary>How long the customer waited before being served (queue, hold, first response).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or longer than <see cref="MaxDuration"/>.</exception>
    public TimeSpan? Wait { get => _wait; init => _wait = Duration(value, "waitSeconds", "Wait"); }

    /// <summary>How long serving the customer took once started.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or longer than <see cref="MaxDuration"/>.</exception>
    public TimeSpan? HandlingTime { get => _handlingTime; init => _handlingTime = Duration(value, "handlingSeconds", "Handling time"); }

    /// <summary>Monetary value of the interaction (order total, refund as a negative amount), in the host's currency.</summary>
    public decimal? Value { get => _value; init => _value = value; }

    /// <summary>True when no signal is present.</summary>
    public bool IsEmpty => Csat is null && Nps is null && Ces is null && Wait is null && HandlingTime is null && Value is null;

    private static int? InRange(int? value, int min, int max, string field, string label)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new ArgumentOutOfRangeException(field, v, string.Create(CultureInfo.InvariantCulture, $"{label} must be between {min} and {max}, but was {v}."));
        }

        return value;
    }

    private static TimeSpan? Duration(TimeSpan? value, string field, string label)
    {
        if (value is { } v && (v < TimeSpan.Zero || v > MaxDuration))
        {
            throw new ArgumentOutOfRangeException(field, v, string.Create(CultureInfo.InvariantCulture, $"{label} must be between 0 and {MaxDuration.TotalDays:0} days, but was {v}."));
        }

        return value;
    }
}
