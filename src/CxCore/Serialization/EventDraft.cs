using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CxCore.Domain;

namespace CxCore.Serialization;

/// <summary>
/// The fields of one line as they are read, shared by the JSONL and CSV parsers so both accept exactly the same
/// values with the same messages. Reused from line to line (<see cref="Reset"/>); <see cref="Build"/> turns it into an
/// <see cref="Interaction"/> or the first <see cref="ReadError"/>.
/// </summary>
internal sealed class EventDraft : IDisposable
{
    private const int MaxErrorValueBytes = 4 * ReadError.MaxValueLength;
    private const int MaxSharedAttributeValueBytes = 32;

    private static readonly decimal MaxDurationSeconds = (decimal)InteractionSignals.MaxDuration.TotalSeconds;

    private readonly FrozenDictionary<string, Channel> _channelsByName;
    private readonly string _channelNames;
    private readonly Utf8Cache<Channel> _channels = new();
    private readonly Utf8Cache<string> _strings = new();
    private readonly Utf8Cache<TouchpointId> _touchpoints = new();
    private readonly Utf8Cache<string> _attributeValues = new();
    private readonly Dictionary<string, string> _attributes = new(StringComparer.Ordinal);
    private byte[] _scratch = [];

    private uint _seen;
    private string? _id;
    private string? _customerId;
    private string? _kind;
    private TouchpointId? _touchpoint;
    private string? _text;
    private DateTimeOffset? _timestamp;
    private Channel _channel;
    private InteractionOutcome _outcome;
    private ServiceMode? _mode;
    private int? _csat;
    private int? _nps;
    private int? _ces;
    private TimeSpan? _wait;
    private TimeSpan? _handling;
    private decimal? _value;

    public EventDraft(FrozenDictionary<string, Channel> channels, string channelNames)
    {
        _channelsByName = channels;
        _channelNames = channelNames;
        foreach (var (name, channel) in channels)
        {
            _channels.Add(Encoding.UTF8.GetBytes(name), channel);
        }
    }

    /// <summary>The line being read.</summary>
    public long LineNumber { get; private set; }

    /// <summary>True when the line is not valid UTF-8 as a whole, so each value is checked to find the culprit.</summary>
    public bool CheckUtf8 { get; set; }

    public void Reset(long lineNumber)
    {
        LineNumber = lineNumber;
        CheckUtf8 = false;
        _seen = 0;
        _id = _customerId = _kind = _text = null;
        _touchpoint = null;
        _timestamp = null;
        _channel = default;
        _outcome = InteractionOutcome.Unknown;
        _mode = null;
        _csat = _nps = _ces = null;
        _wait = _handling = null;
        _value = null;
        if (_attributes.Count > 0)
        {
            _attributes.Clear();
        }
    }

    public ReadError Error(string? field, string? value, string reason) => new(LineNumber, field, value, reason);

    /// <summary>The text of <paramref name="utf8"/> for an error message, with invalid bytes replaced and long values cut.</summary>
    public static string Lossy(ReadOnlySpan<byte> utf8) =>
        Encoding.UTF8.GetString(utf8.Length > MaxErrorValueBytes ? utf8[..MaxErrorValueBytes] : utf8);

    /// <summary>A buffer of at least <paramref name="length"/> bytes, valid until the next call.</summary>
    public byte[] Scratch(int length)
    {
        if (_scratch.Length < length)
        {
            if (_scratch.Length > 0)
            {
                ArrayPool<byte>.Shared.Return(_scratch);
            }

            _scratch = ArrayPool<byte>.Shared.Rent(Math.Max(length, 256));
        }

        return _scratch;
    }

    public void Dispose()
    {
        if (_scratch.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_scratch);
            _scratch = [];
        }
    }

    /// <summary>Records that <paramref name="field"/> was given; a second time is an error.</summary>
    public ReadError? MarkSeen(EventField field)
    {
        var bit = 1u << (int)field;
        if ((_seen & bit) != 0)
        {
            var name = EventFields.NameOf(field);
            return Error(name, null, $"field '{name}' appears more than once");
        }

        _seen |= bit;
        return null;
    }

    /// <summary>Decodes a value, checking it is UTF-8 when the line is not.</summary>
    public ReadError? Decode(ReadOnlySpan<byte> utf8, string field, bool cache, out string value)
    {
        if (CheckUtf8 && !Utf8.IsValid(utf8))
        {
            value = string.Empty;
            return NotUtf8(field, utf8);
        }

        value = cache ? Cached(utf8, _strings) : Encoding.UTF8.GetString(utf8);
        return null;
    }

    /// <summary>
    /// Decodes an attribute value. Short values (region, segment, campaign codes) usually repeat from line to line and
    /// are kept with the stored interaction, so they are shared through a cache of their own (unique values such as
    /// order ids fill it up without pushing out the kinds and keys of the other cache).
    /// </summary>
    /// <param name="utf8">The value's bytes.</param>
    /// <param name="fieldPrefix">What goes before <paramref name="key"/> to name the field in an error ("attributes." in JSON, nothing in CSV).</param>
    /// <param name="key">The attribute's name.</param>
    /// <param name="value">The value.</param>
    public ReadError? DecodeAttributeValue(ReadOnlySpan<byte> utf8, string fieldPrefix, string key, out string value)
    {
        if (CheckUtf8 && !Utf8.IsValid(utf8))
        {
            value = string.Empty;
            return NotUtf8(fieldPrefix + key, utf8); // the field's name is built only for the error
        }

        value = utf8.Length <= MaxSharedAttributeValueBytes ? Cached(utf8, _attributeValues) : Encoding.UTF8.GetString(utf8);
        return null;
    }

    private ReadError NotUtf8(string field, ReadOnlySpan<byte> utf8) => Error(field, Lossy(utf8), $"{field} is not valid UTF-8");

    /// <summary>Sets a field whose JSON type is a string (and any CSV field but the numbers) from its UTF-8 text.</summary>
    public ReadError? SetText(EventField field, ReadOnlySpan<byte> utf8)
    {
        var name = EventFields.NameOf(field);
        if (CheckUtf8 && !Utf8.IsValid(utf8))
        {
            return NotUtf8(name, utf8);
        }

        switch (field)
        {
            case EventField.Id:
                _id = Encoding.UTF8.GetString(utf8);
                return null;
            case EventField.CustomerId:
                _customerId = Encoding.UTF8.GetString(utf8);
                return null;
            case EventField.Kind:
                _kind = Cached(utf8, _strings);
                return null;
            case EventField.Touchpoint:
                return SetTouchpoint(utf8);
            case EventField.Text:
                _text = Encoding.UTF8.GetString(utf8);
                return null;
            case EventField.Timestamp:
                return SetTimestamp(utf8);
            case EventField.Channel:
                return SetChannel(utf8);
            case EventField.Outcome:
                return SetOutcome(utf8);
            case EventField.Mode:
                return SetMode(utf8);
            default:
                return SetNumberText(field, utf8);
        }
    }

    /// <summary>Sets a numeric field from text (CSV), parsed with the invariant culture.</summary>
    public ReadError? SetNumberText(EventField field, ReadOnlySpan<byte> utf8)
    {
        var name = EventFields.NameOf(field);
        if (field is EventField.Csat or EventField.Nps or EventField.Ces)
        {
            return int.TryParse(utf8, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)
                ? SetInt(field, whole)
                : Error(name, Lossy(utf8), WholeNumberReason(field));
        }

        if (!decimal.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return Error(name, Lossy(utf8), $"{name} must be a number (invariant culture: '.' as the decimal point, no thousands separator)");
        }

        return SetDecimal(field, number);
    }

    /// <summary>Sets <c>csat</c>, <c>nps</c> or <c>ces</c>, validated by the domain.</summary>
    public ReadError? SetInt(EventField field, int value)
    {
        try
        {
            switch (field)
            {
                case EventField.Csat:
                    _csat = new InteractionSignals { Csat = value }.Csat;
                    break;
                case EventField.Nps:
                    _nps = new InteractionSignals { Nps = value }.Nps;
                    break;
                default:
                    _ces = new InteractionSignals { Ces = value }.Ces;
                    break;
            }

            return null;
        }
        catch (ArgumentException e)
        {
            return Error(EventFields.NameOf(field), value.ToString(CultureInfo.InvariantCulture), ReadError.ReasonOf(e));
        }
    }

    /// <summary>Sets <c>waitSeconds</c>, <c>handlingSeconds</c> (seconds, rounded to 100 ns) or <c>value</c>.</summary>
    public ReadError? SetDecimal(EventField field, decimal value)
    {
        if (field == EventField.Value)
        {
            _value = value;
            return null;
        }

        var name = EventFields.NameOf(field);
        if (value < 0 || value > MaxDurationSeconds)
        {
            return Error(
                name,
                value.ToString(CultureInfo.InvariantCulture),
                $"{name} must be between 0 and {MaxDurationSeconds.ToString(CultureInfo.InvariantCulture)} seconds ({InteractionSignals.MaxDuration.TotalDays:0} days)");
        }

        var duration = TimeSpan.FromTicks((long)decimal.Round(value * TimeSpan.TicksPerSecond));
        if (field == EventField.WaitSeconds)
        {
            _wait = duration;
        }
        else
        {
            _handling = duration;
        }

        return null;
    }

    /// <summary>The common case of <see cref="SetDecimal"/>: a duration in whole seconds, without decimal arithmetic.</summary>
    public ReadError? SetWholeSeconds(EventField field, long seconds)
    {
        if (seconds < 0 || seconds > MaxDurationSeconds)
        {
            return SetDecimal(field, seconds);
        }

        var duration = TimeSpan.FromTicks(seconds * TimeSpan.TicksPerSecond);
        if (field == EventField.WaitSeconds)
        {
            _wait = duration;
        }
        else
        {
            _handling = duration;
        }

        return null;
    }

    public static string WholeNumberReason(EventField field) => field switch
    {
        EventField.Csat => "csat must be a whole number between 1 and 5",
        EventField.Nps => "nps must be a whole number between 0 and 10",
        _ => "ces must be a whole number between 1 and 7",
    };

    public ReadError? SetAttribute(string key, string value)
    {
        if (!Domain.Attributes.IsValidKey(key))
        {
            return Error("attributes", key, $"attribute names must be 1-{Domain.Attributes.MaxKeyLength} characters and not blank");
        }

        if (!_attributes.TryAdd(key, value))
        {
            return Error("attributes." + key, null, $"attribute '{key}' appears more than once");
        }

        return null;
    }

    /// <summary>Checks the required fields and builds the interaction, reporting the domain's validation as a read error.</summary>
    public ReadError? Build(out Interaction? interaction)
    {
        interaction = null;
        foreach (var required in EventFields.Required)
        {
            if (!IsSet(required))
            {
                var name = EventFields.NameOf(required);
                return Error(name, null, $"{name} is required");
            }
        }

        InteractionId id;
        CustomerId customerId;
        try
        {
            id = new InteractionId(_id!);
        }
        catch (ArgumentException e)
        {
            return Error("id", _id, ReadError.ReasonOf(e));
        }

        try
        {
            customerId = new CustomerId(_customerId!);
        }
        catch (ArgumentException e)
        {
            return Error("customerId", _customerId, ReadError.ReasonOf(e));
        }

        try
        {
            interaction = new Interaction(id, customerId, _timestamp!.Value, _channel, _kind!)
            {
                Touchpoint = _touchpoint,
                Mode = _mode,
                Outcome = _outcome,
                Signals = new InteractionSignals
                {
                    Csat = _csat,
                    Nps = _nps,
                    Ces = _ces,
                    Wait = _wait,
                    HandlingTime = _handling,
                    Value = _value,
                },
                Text = _text,
                Attributes = AttributeMap.FromChecked(_attributes),
            };
            return null;
        }
        catch (ArgumentException e)
        {
            var field = e.ParamName ?? "kind";
            var value = field switch
            {
                "kind" => _kind,
                "text" => _text,
                _ => null,
            };
            return Error(field, value, ReadError.ReasonOf(e));
        }
    }

    private bool IsSet(EventField field) => field switch
    {
        EventField.Id => _id is not null,
        EventField.CustomerId => _customerId is not null,
        EventField.Timestamp => _timestamp is not null,
        EventField.Channel => !_channel.IsEmpty,
        _ => _kind is not null,
    };

    private ReadError? SetTimestamp(ReadOnlySpan<byte> utf8)
    {
        var status = Iso8601.TryParse(utf8, out var timestamp);
        if (status == TimestampParseStatus.Ok)
        {
            _timestamp = timestamp;
            return null;
        }

        return Error("timestamp", Lossy(utf8), status switch
        {
            TimestampParseStatus.MissingOffset => Iso8601.MissingOffsetReason,
            TimestampParseStatus.OutOfRange => Iso8601.OutOfRangeReason,
            _ => Iso8601.InvalidReason,
        });
    }

    /// <summary>A string for <paramref name="utf8"/> (valid UTF-8), reused when <paramref name="cache"/> saw the same bytes before.</summary>
    private static string Cached(ReadOnlySpan<byte> utf8, Utf8Cache<string> cache)
    {
        if (cache.TryGet(utf8, out var cached))
        {
            return cached;
        }

        var value = Encoding.UTF8.GetString(utf8);
        cache.Add(utf8, value);
        return value;
    }

    private ReadError? SetTouchpoint(ReadOnlySpan<byte> utf8)
    {
        if (_touchpoints.TryGet(utf8, out var cached))
        {
            _touchpoint = cached;
            return null;
        }

        var text = Encoding.UTF8.GetString(utf8);
        try
        {
            var touchpoint = new TouchpointId(text);
            _touchpoints.Add(utf8, touchpoint);
            _touchpoint = touchpoint;
            return null;
        }
        catch (ArgumentException e)
        {
            return Error("touchpoint", text, ReadError.ReasonOf(e));
        }
    }

    private ReadError? SetChannel(ReadOnlySpan<byte> utf8)
    {
        if (_channels.TryGet(utf8, out var channel))
        {
            _channel = channel;
            return null;
        }

        var name = Lossy(utf8);
        var hint = !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal)
                   && _channelsByName.ContainsKey(name.ToLowerInvariant())
            ? " (channel names are lower case)"
            : string.Empty;
        return Error("channel", name, $"unknown channel{hint}; expected one of: {_channelNames}, or a channel the host registered in its ChannelRegistry");
    }

    private ReadError? SetOutcome(ReadOnlySpan<byte> utf8)
    {
        if (utf8.SequenceEqual("succeeded"u8))
        {
            _outcome = InteractionOutcome.Succeeded;
        }
        else if (utf8.SequenceEqual("failed"u8))
        {
            _outcome = InteractionOutcome.Failed;
        }
        else if (utf8.SequenceEqual("abandoned"u8))
        {
            _outcome = InteractionOutcome.Abandoned;
        }
        else if (utf8.SequenceEqual("unknown"u8))
        {
            _outcome = InteractionOutcome.Unknown;
        }
        else
        {
            return Error("outcome", Lossy(utf8), "outcome must be one of: succeeded, failed, abandoned, unknown");
        }

        return null;
    }

    private ReadError? SetMode(ReadOnlySpan<byte> utf8)
    {
        if (utf8.SequenceEqual("selfservice"u8))
        {
            _mode = ServiceMode.SelfService;
        }
        else if (utf8.SequenceEqual("assisted"u8))
        {
            _mode = ServiceMode.Assisted;
        }
        else if (utf8.SequenceEqual("automated"u8))
        {
            _mode = ServiceMode.Automated;
        }
        else
        {
            return Error("mode", Lossy(utf8), "mode must be one of: selfservice, assisted, automated");
        }

        return null;
    }
}
