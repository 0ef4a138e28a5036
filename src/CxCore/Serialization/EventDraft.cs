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

    private readonly Utf8Cache<string> _kinds = new(); // valid kinds only: checked once per distinct kind
    private uint _seen;
    private byte[] _id = new byte[64];
    private byte[] _customerId = new byte[64];
    private int _idLength = -1; // -1: not given
    private int _customerIdLength = -1;
    private string? _kind;
    private bool _kindChecked;
    private byte[] _kindUtf8 = new byte[64];
    private int _kindBytes;
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
        _idLength = _customerIdLength = -1;
        _kind = _text = null;
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
                _idLength = Keep(utf8, ref _id);
                return null;
            case EventField.CustomerId:
                _customerIdLength = Keep(utf8, ref _customerId);
                return null;
            case EventField.Kind:
                return SetKind(utf8);
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

    /// <summary>
    /// Checks the required fields and packs the interaction into <paramref name="target"/>'s next slot (its ids appended
    /// to the batch's bytes; the caller commits the slot), reporting the domain's validation as a read error. Accepts
    /// and refuses exactly what building an <see cref="Interaction"/> from the same values would, with the same messages.
    /// </summary>
    /// <param name="target">Where the interaction goes.</param>
    /// <param name="probeOnly">Only check (the caller refuses the line anyway when all is valid): nothing is packed.</param>
    public ReadError? Build(InteractionBatch target, bool probeOnly)
    {
        foreach (var required in EventFields.Required)
        {
            if (!IsSet(required))
            {
                var name = EventFields.NameOf(required);
                return Error(name, null, $"{name} is required");
            }
        }

        var id = _id.AsSpan(0, _idLength);
        var customerId = _customerId.AsSpan(0, _customerIdLength);
        if (CheckId(id, "id", static value => new InteractionId(value), out var idIsAscii) is { } idError)
        {
            return idError;
        }

        if (CheckId(customerId, "customerId", static value => new CustomerId(value), out var customerIsAscii) is { } customerError)
        {
            return customerError;
        }

        // In the order the Interaction constructor and initialisers check them.
        if (_timestamp!.Value == default)
        {
            return Error("timestamp", null, "timestamp must be set (it was the default value 0001-01-01T00:00:00+00:00).");
        }

        if (!_kindChecked && CheckKind() is { } kindError)
        {
            return kindError;
        }

        if (_text is { Length: > Interaction.MaxTextLength })
        {
            return Error("text", _text, $"text must be at most {Interaction.MaxTextLength} characters, but was {_text.Length}.");
        }

        if (probeOnly)
        {
            return null;
        }

        InteractionExtras? extras = null;
        if (_mode is not null || _handling is not null || _value is not null || _text is not null || _attributes.Count > 0)
        {
            extras = new InteractionExtras
            {
                Mode = _mode,
                HandlingTime = _handling,
                Value = _value,
                Text = _text,
                Attributes = _attributes.Count > 0 ? AttributeMap.FromChecked(_attributes) : Domain.Attributes.Empty,
            };
        }

        ref var packed = ref target.Next;
        packed = new PackedInteraction
        {
            Timestamp = _timestamp.Value,
            Kind = _kind!,
            Channel = _channel,
            Touchpoint = _touchpoint,
            Extras = extras,
            WaitTicks = _wait?.Ticks ?? -1,
            LineNumber = LineNumber,
            IdStart = target.Append(id),
            IdLength = id.Length,
            CustomerStart = target.Append(customerId),
            CustomerLength = customerId.Length,
            Outcome = (byte)_outcome,
            Csat = (byte)(_csat + 1 ?? 0),
            Nps = (byte)(_nps + 1 ?? 0),
            Ces = (byte)(_ces + 1 ?? 0),
            IdIsAscii = idIsAscii,
            CustomerIsAscii = customerIsAscii,
        };
        return null;
    }

    // An id as the domain checks it: printable ASCII that does not start or end with a space is valid as it is (no
    // string needed); anything else is checked by the domain type itself, for its exact message.
    private ReadError? CheckId(ReadOnlySpan<byte> utf8, string field, Func<string, object> create, out bool ascii)
    {
        ascii = Ascii.IsValid(utf8);
        if (ascii && utf8.Length is > 0 and <= IdText.MaxLength && utf8.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0
            && utf8[0] != ' ' && utf8[^1] != ' ')
        {
            return null;
        }

        var value = Encoding.UTF8.GetString(utf8);
        try
        {
            create(value);
            return null;
        }
        catch (ArgumentException e)
        {
            return Error(field, value, ReadError.ReasonOf(e));
        }
    }

    private ReadError? SetKind(ReadOnlySpan<byte> utf8)
    {
        _kindChecked = _kinds.TryGet(utf8, out var kind);
        _kind = _kindChecked ? kind : Cached(utf8, _strings);
        if (!_kindChecked)
        {
            _kindBytes = Keep(utf8, ref _kindUtf8);
        }

        return null;
    }

    // A kind seen for the first time: checked as the domain checks it, and remembered when valid.
    private ReadError? CheckKind()
    {
        try
        {
            Interaction.ValidateKind(_kind!);
        }
        catch (ArgumentException e)
        {
            return Error("kind", _kind, ReadError.ReasonOf(e));
        }

        _kinds.Add(_kindUtf8.AsSpan(0, _kindBytes), _kind!);
        return null;
    }

    // Copies a value the line's buffer (or the scratch) holds only until the next read; returns its length.
    private static int Keep(ReadOnlySpan<byte> utf8, ref byte[] buffer)
    {
        if (utf8.Length > buffer.Length)
        {
            buffer = new byte[Math.Max(utf8.Length, buffer.Length * 2)];
        }

        utf8.CopyTo(buffer);
        return utf8.Length;
    }

    private bool IsSet(EventField field) => field switch
    {
        EventField.Id => _idLength >= 0,
        EventField.CustomerId => _customerIdLength >= 0,
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
