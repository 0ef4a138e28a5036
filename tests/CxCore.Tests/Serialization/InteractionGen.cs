using CsCheck;
using CxCore.Domain;

namespace CxCore.Tests.Serialization;

/// <summary>CsCheck generators of valid interactions that exercise every field and the characters formats trip on.</summary>
internal static class InteractionGen
{
    // Commas, quotes, backslashes, line breaks, tabs, non-ASCII: what breaks naive CSV and JSON (emoji come whole, below).
    private const string TextChars = "abcxyz019 ,;\"'\\\n\r\t{}[]:éçãß€中";
    private const string IdChars = "abcdefghijklmnopqrstuvwxyzABC0123456789-_:.,\"' é";

    private static readonly Gen<string> Id =
        Gen.Char[IdChars].Array[1, 24].Select(chars => new string(chars).Trim()).Where(s => s.Length > 0);

    private static readonly Gen<string> Text = Gen.Select(Gen.Int[0, 6], Gen.Int[0, 1000]).SelectMany((parts, seed) =>
        Gen.OneOf(Gen.String[TextChars], Gen.Const("😀"), Gen.Const(string.Empty), Gen.Const(" padded ")).Array[parts, parts].Select(string.Concat));

    private static readonly Gen<string> Kind =
        Gen.Char["abcdefghijklmnopqrstuvwxyz_"].Array[1, 64].Select(chars => "k" + new string(chars)[..Math.Min(chars.Length, 63)]);

    private static readonly Gen<DateTimeOffset> Timestamp = Gen.Select(
        Gen.Long[new DateTime(1970, 1, 1).Ticks, new DateTime(2100, 1, 1).Ticks],
        Gen.Int[-14 * 60, 14 * 60],
        Gen.Int[0, 3],
        (ticks, offsetMinutes, precision) =>
        {
            // Mix whole seconds, milliseconds and full 100 ns precision, as real sources do.
            var rounded = precision switch
            {
                0 => ticks - (ticks % TimeSpan.TicksPerSecond),
                1 => ticks - (ticks % TimeSpan.TicksPerMillisecond),
                _ => ticks,
            };
            return new DateTimeOffset(rounded, TimeSpan.FromMinutes(offsetMinutes));
        });

    private static readonly Gen<TimeSpan?> Duration = Gen.OneOf(
        Gen.Long[0, InteractionSignals.MaxDuration.Ticks].Select(TimeSpan.FromTicks),
        Gen.Int[0, 3600].Select(s => TimeSpan.FromSeconds(s)),
        Gen.Const(InteractionSignals.MaxDuration)).Nullable(0.3);

    private static readonly Gen<decimal?> Money = Gen.OneOf(
        Gen.Decimal,
        Gen.Long[-1_000_000_00, 1_000_000_00].Select(cents => cents / 100m),
        Gen.Const(decimal.MaxValue),
        Gen.Const(decimal.MinValue),
        Gen.Const(0.0000000000000000000000000001m)).Nullable(0.4);

    private static readonly Gen<InteractionSignals> Signals = Gen.Select(
        Gen.Int[1, 5].Nullable(0.5),
        Gen.Int[0, 10].Nullable(0.5),
        Gen.Int[1, 7].Nullable(0.5),
        Duration,
        Duration,
        Money,
        (csat, nps, ces, wait, handling, value) => new InteractionSignals
        {
            Csat = csat,
            Nps = nps,
            Ces = ces,
            Wait = wait,
            HandlingTime = handling,
            Value = value,
        });

    private static readonly Gen<Dictionary<string, string>> Attributes =
        Gen.Select(Gen.Int[0, 7], Gen.Int[0, 3]).SelectMany((mask, _) =>
            Gen.OneOf(Gen.String[TextChars], Gen.Const(string.Empty)).Array[3, 3].Select(values =>
            {
                var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
                string[] keys = ["region", "order id", "campanha, \"q1\""];
                for (var i = 0; i < keys.Length; i++)
                {
                    if ((mask & (1 << i)) != 0)
                    {
                        attributes[keys[i]] = values[i];
                    }
                }

                return attributes;
            }));

    public static readonly Gen<Interaction> Interaction = Gen.Select(
        Gen.Select(Id, Id, Timestamp, Gen.OneOf(ChannelRegistry.WellKnown.Channels.Select(Gen.Const).ToArray()), Kind),
        Gen.Select(Id.Null(0.4), Gen.Enum<InteractionOutcome>(), Gen.Enum<ServiceMode>().Nullable(0.6)),
        Signals,
        Text.Null(0.4),
        Attributes,
        (required, optional, signals, text, attributes) =>
        {
            var (id, customer, timestamp, channel, kind) = required;
            var (touchpoint, outcome, mode) = optional;
            return new Interaction(new InteractionId(id), new CustomerId(customer), timestamp, channel, kind)
            {
                Touchpoint = touchpoint is null ? null : new TouchpointId(touchpoint),
                Outcome = outcome,
                Mode = mode,
                Signals = signals,
                Text = text,
                Attributes = attributes,
            };
        });

    /// <summary>A batch with distinct ids (the reader rejects a repeated id).</summary>
    public static readonly Gen<Interaction[]> Batch = Interaction.Array[0, 12].Select(items =>
        items.DistinctBy(i => i.Id).ToArray());
}
