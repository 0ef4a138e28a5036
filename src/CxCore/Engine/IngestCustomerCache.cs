using System.Text;
using CxCore.Domain;

namespace CxCore.Engine;

/// <summary>
/// One ingest worker's own map from the customer ids of its lines (their UTF-8 bytes, placed by their quick hash) to
/// the live journeys it recorded them in. It holds each journey's reference without reading the journey, which is
/// what lets the worker fetch the journeys of its next lines ahead (<see cref="PrefetchJourney"/>,
/// <see cref="PrefetchLog"/>) while it records the current one: the cache misses of one record overlap the work of
/// the one before. Only a hint: a journey peeked here is used only when its id is exactly the line's bytes
/// (<see cref="Matches"/>) and it is still live and loaded once its lock is held (<see cref="CxEngine"/> checks), so
/// a merge, an erasure, an unload or a colliding hash sends the line the long way. Single-threaded (each worker has
/// its own).
/// </summary>
internal sealed class IngestCustomerCache
{
    private const int InitialCapacity = 1024;

    // A live journey's object is about 270 bytes: five cache lines.
    private const int LiveJourneyLines = 5;

    private Entry[] _entries = new Entry[InitialCapacity];
    private int _count;

    /// <summary>
    /// Remembers <paramref name="live"/> under <paramref name="hash"/> (its id's), replacing the journey remembered under
    /// the same hash, if any: the one <see cref="Peek"/> returns is always the latest.
    /// </summary>
    public void Remember(ulong hash, LiveJourney live)
    {
        if ((_count + 1) * 2 > _entries.Length)
        {
            Grow();
        }

        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = Home(hash, mask);
        while (entries[slot].Journey is not null)
        {
            if (entries[slot].Hash == hash)
            {
                entries[slot].Journey = live;
                return;
            }

            slot = (slot + 1) & mask;
        }

        entries[slot] = new Entry(hash, live);
        _count++;
    }

    /// <summary>
    /// The journey remembered under <paramref name="hash"/>, unchecked: it may be another id's (a colliding hash) or
    /// no longer live. Reading the table only, not the journey, so it can be asked ahead of time.
    /// </summary>
    public LiveJourney? Peek(ulong hash)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        for (var slot = Home(hash, mask); entries[slot].Journey is { } candidate; slot = (slot + 1) & mask)
        {
            if (entries[slot].Hash == hash)
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="live"/>'s customer id is exactly the ASCII bytes <paramref name="id"/>.</summary>
    public static bool Matches(LiveJourney live, ReadOnlySpan<byte> id) =>
        live.Score.Log is { } log && log.Customer.Value is { } customer && Ascii.Equals(id, customer);

    /// <summary>Starts fetching <paramref name="live"/>'s object, about to be recorded into (two lines ahead).</summary>
    public static void PrefetchJourney(LiveJourney? live) => Prefetch.Object(live, LiveJourneyLines);

    /// <summary>
    /// Starts fetching what recording into <paramref name="live"/> reads next (one line ahead, when the journey itself
    /// has arrived): its log, the log's customer id and the end of its records.
    /// </summary>
    public static void PrefetchLog(LiveJourney? live)
    {
        if (live?.Score.Log is { } log)
        {
            Prefetch.Object(log, 2);
            Prefetch.Object(log.Customer.Value, 1);
            log.PrefetchTail();
        }
    }

    // The slot from the hash's high bits: the low bits chose the worker, so within one worker they are alike.
    private static int Home(ulong hash, int mask) => (int)(hash >> 32) & mask;

    private void Grow()
    {
        var old = _entries;
        var entries = new Entry[old.Length * 2];
        var mask = entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Journey is not null)
            {
                var slot = Home(entry.Hash, mask);
                while (entries[slot].Journey is not null)
                {
                    slot = (slot + 1) & mask;
                }

                entries[slot] = entry;
            }
        }

        _entries = entries;
    }

    // A slot: free while Journey is null.
    private struct Entry(ulong hash, LiveJourney journey)
    {
        public ulong Hash = hash;
        public LiveJourney? Journey = journey;
    }
}
