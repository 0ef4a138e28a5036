namespace CxCore.Domain;

/// <summary>
/// A customer's interactions in time order, as a scorer sees the ones before the interaction it scores
/// (<see cref="Scoring.ScoringContext.Earlier"/>): a span of <see cref="Interaction"/> objects, or the engine's compact
/// per-customer storage read in place. Indexing and enumerating give <see cref="InteractionView"/>s and never allocate.
/// </summary>
/// <example>
/// <code>
/// foreach (var earlier in context.Earlier)
/// {
///     if (earlier.Kind == "purchase") { /* not the first purchase */ }
/// }
/// var previous = context.Earlier.IsEmpty ? (InteractionView?)null : context.Earlier[^1];
/// </code>
/// </example>
public readonly ref struct InteractionHistory
{
    private readonly ReadOnlySpan<Interaction> _interactions;
    private readonly InteractionLog? _log;

    /// <summary>A history over interaction objects, oldest first.</summary>
    /// <param name="interactions">The interactions; none may be null.</param>
    public InteractionHistory(ReadOnlySpan<Interaction> interactions)
    {
        _interactions = interactions;
        Length = interactions.Length;
    }

    /// <summary>The first <paramref name="length"/> records of a log.</summary>
    internal InteractionHistory(InteractionLog log, int length)
    {
        _log = log;
        Length = length;
    }

    /// <summary>How many interactions.</summary>
    public int Length { get; }

    /// <summary>The log the history reads (its first <see cref="Length"/> records), or null for a history over objects.</summary>
    internal InteractionLog? Log => _log;

    /// <summary>True when there are none.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>The interaction at <paramref name="index"/> (0 is the oldest).</summary>
    /// <param name="index">The position.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the history.</exception>
    public InteractionView this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be between 0 and {Length - 1}, but was {index}.");
            }

            return _log is null ? new InteractionView(_interactions[index]) : new InteractionView(_log, index);
        }
    }

    /// <summary>A span of interaction objects converts implicitly.</summary>
    /// <param name="interactions">The interactions, oldest first.</param>
    public static implicit operator InteractionHistory(ReadOnlySpan<Interaction> interactions) => new(interactions);

    /// <summary>The same history (for languages without implicit conversions).</summary>
    /// <param name="interactions">The interactions, oldest first.</param>
    /// <returns>The history.</returns>
    public static InteractionHistory FromSpan(ReadOnlySpan<Interaction> interactions) => new(interactions);

    /// <summary>The first <paramref name="length"/> interactions.</summary>
    /// <param name="length">How many, from the oldest.</param>
    /// <returns>The shorter history.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="length"/> is negative or more than <see cref="Length"/>.</exception>
    public InteractionHistory Take(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length);
        return _log is null ? new InteractionHistory(_interactions[..length]) : new InteractionHistory(_log, length);
    }

    /// <summary>The instant of the interaction at <paramref name="index"/>, as UTC ticks, without building a timestamp.</summary>
    internal long UtcTicksAt(int index) => _log is null ? _interactions[index].Timestamp.UtcTicks : _log[index].UtcTicks;

    /// <summary>Enumerates the interactions, oldest first.</summary>
    /// <returns>The enumerator.</returns>
    public Enumerator GetEnumerator() => new(this);

    /// <summary>Enumerates an <see cref="InteractionHistory"/>.</summary>
    public ref struct Enumerator
    {
        private readonly InteractionHistory _history;
        private int _index;

        internal Enumerator(InteractionHistory history)
        {
            _history = history;
            _index = -1;
        }

        /// <summary>The current interaction.</summary>
        public readonly InteractionView Current => _history[_index];

        /// <summary>Moves to the next interaction.</summary>
        /// <returns>False at the end.</returns>
        public bool MoveNext() => ++_index < _history.Length;
    }
}
