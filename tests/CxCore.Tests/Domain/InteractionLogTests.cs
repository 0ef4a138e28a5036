using System.Globalization;
using System.Runtime.CompilerServices;
using CxCore.Domain;

namespace CxCore.Tests.Domain;

/// <summary>
/// The compact per-customer storage: what goes in comes out field by field (ids, offsets, edge values, the side table),
/// an indexed log refuses duplicate ids at every size, and an unindexed log keeps replay order.
/// </summary>
public sealed class InteractionLogTests
{
    private static readonly DateTimeOffset T0 = TestData.T0;

    /// <summary>Ids of every storage form: ASCII (one byte a character) or UTF-16, short or long header (127 and up).</summary>
    private static readonly Dictionary<string, string> SampleIds = new(StringComparer.Ordinal)
    {
        ["ascii"] = "e-1001",
        ["ascii upper end"] = "~z}",
        ["just past ascii"] = "x\u0080",
        ["latin accent"] = "é-1",
        ["cjk"] = "注文-四二",
        ["emoji surrogate pair"] = "order-😀-7",
        ["lone high surrogate"] = "a\uD800b",
        ["lone low surrogate"] = "\uDC00z",
        ["private use"] = "\uE000",
        ["supplementary"] = "\U00010000",
        ["ascii 126"] = new string('a', 126),
        ["ascii 127"] = new string('a', 127),
        ["ascii 128"] = new string('a', 128),
        ["ascii 255"] = new string('b', 255),
        ["ascii 256"] = new string('a', 256),
        ["utf16 126"] = new string('é', 126),
        ["utf16 127"] = new string('é', 127),
        ["utf16 128"] = new string('é', 128),
        ["utf16 256"] = new string('é', 256),
        ["utf16 127 ending in a pair"] = new string('x', 125) + "😀",
        ["utf16 256 of lone surrogates"] = new string('\uDBFF', 256),
    };

    public static TheoryData<string> IdNames
    {
        get
        {
            var names = new TheoryData<string>();
            foreach (var name in SampleIds.Keys)
            {
                names.Add(name);
            }

            return names;
        }
    }

    // Found once per process: string hash codes are randomised per process.
    private static readonly Lazy<(string A, string B)> CollidingPair = new(() => FindCollision("hc-"));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_bare_interaction_round_trips_field_by_field(bool indexed)
    {
        var bare = Bare("e-1", T0);
        var log = InteractionLogTestExtensions.LogOf(indexed, bare);

        Assert.Equal(1, log.Count);
        Assert.Equal(TestData.Customer, log.Customer);
        InteractionAssert.Same(bare, log.Materialize(0));
        Assert.Null(log.GetExtras(0));
        Assert.Null(log.GetTouchpoint(0));
        Assert.Null(log.GetWait(0));
        Assert.Empty(log.Materialize(0).Attributes);
        Assert.True(log.Materialize(0).Signals.IsEmpty);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_fully_populated_interaction_round_trips_field_by_field(bool indexed)
    {
        var full = Full("e-full", new DateTimeOffset(2024, 3, 1, 9, 21, 0, TimeSpan.FromHours(-3)));
        var log = InteractionLogTestExtensions.LogOf(indexed, full);

        var back = log.Materialize(0);
        InteractionAssert.Same(full, back);
        Assert.Equal(new TouchpointId("support-line"), back.Touchpoint);
        Assert.Equal(ServiceMode.Assisted, back.Mode);
        Assert.Equal("Merci, très bien 😀", back.Text);
        Assert.Equal("EU", back.Attributes["region"]);
        Assert.Equal("42", back.Attributes["órder"]);
        Assert.Equal(2, back.Attributes.Count);
        Assert.Equal(TimeSpan.FromSeconds(420), log.GetWait(0));
        Assert.Equal(TimeSpan.FromHours(-3), log.GetTimestamp(0).Offset);
    }

    [Fact]
    public void Every_mode_outcome_and_survey_extreme_round_trips()
    {
        var log = new InteractionLog(TestData.Customer, indexIds: true);
        var expected = new List<Interaction>();
        foreach (var mode in new ServiceMode?[] { null, ServiceMode.SelfService, ServiceMode.Assisted, ServiceMode.Automated })
        {
            foreach (var outcome in Enum.GetValues<InteractionOutcome>())
            {
                foreach (var (csat, nps, ces) in new (int?, int?, int?)[] { (null, null, null), (1, 0, 1), (5, 10, 7), (3, null, null), (null, 0, null), (null, null, 7) })
                {
                    var interaction = new Interaction(new InteractionId($"e-{expected.Count}"), TestData.Customer, T0.AddMinutes(expected.Count), Channel.Chat, "contact")
                    {
                        Mode = mode,
                        Outcome = outcome,
                        Signals = new InteractionSignals { Csat = csat, Nps = nps, Ces = ces },
                    };
                    Assert.True(log.TryAppend(interaction));
                    expected.Add(interaction);
                }
            }
        }

        Assert.Equal(expected.Count, log.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            InteractionAssert.Same(expected[i], log.Materialize(i));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-840)]
    [InlineData(840)]
    [InlineData(345)]
    [InlineData(-570)]
    public void The_offset_of_a_timestamp_round_trips(int offsetMinutes)
    {
        var at = new DateTimeOffset(2024, 3, 1, 9, 21, 33, 123, TimeSpan.FromMinutes(offsetMinutes)).AddTicks(4567);
        foreach (var indexed in new[] { true, false })
        {
            var log = InteractionLogTestExtensions.LogOf(indexed, Bare("e-1", at));

            Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), log.GetTimestamp(0).Offset);
            Assert.Equal(at.UtcTicks, log.GetTimestamp(0).UtcTicks);
            Assert.Equal(at.Ticks, log.GetTimestamp(0).Ticks);
            Assert.Equal(at.UtcTicks, log[0].UtcTicks);
            Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), log.Materialize(0).Timestamp.Offset);
            Assert.Equal(at.UtcTicks, log.Materialize(0).Timestamp.UtcTicks);
        }
    }

    [Fact]
    public void Timestamps_at_the_ends_of_the_calendar_round_trip_with_their_offsets()
    {
        DateTimeOffset[] ends =
        [
            DateTimeOffset.MinValue.AddTicks(1),
            new(DateTime.MinValue.AddHours(14).AddTicks(1), TimeSpan.FromHours(14)),
            new(DateTime.MinValue, TimeSpan.FromHours(-14)),
            new(DateTime.MinValue.AddMinutes(1), TimeSpan.FromMinutes(-1)),
            DateTimeOffset.MaxValue,
            new(DateTime.MaxValue, TimeSpan.FromHours(14)),
            new(DateTime.MaxValue.AddHours(-14), TimeSpan.FromHours(-14)),
            new(DateTime.MaxValue.AddMinutes(-45), TimeSpan.FromMinutes(-45)),
        ];
        foreach (var indexed in new[] { true, false })
        {
            var log = new InteractionLog(TestData.Customer, indexed);
            for (var i = 0; i < ends.Length; i++)
            {
                var interaction = Bare($"e-{i}", ends[i]);
                if (indexed)
                {
                    Assert.True(log.TryAppend(interaction));
                }
                else
                {
                    log.InsertInReplayOrder(interaction);
                }
            }

            // Both kinds of log keep replay order (time, then ordinal id: e-0 < e-1 < …).
            var expected = Enumerable.Range(0, ends.Length).OrderBy(i => ends[i].UtcTicks).ThenBy(i => $"e-{i}", StringComparer.Ordinal).Select(i => ends[i]).ToArray();
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].UtcTicks, log.GetTimestamp(i).UtcTicks);
                Assert.Equal(expected[i].Offset, log.GetTimestamp(i).Offset);
                Assert.Equal(expected[i].Ticks, log.Materialize(i).Timestamp.Ticks);
            }
        }
    }

    [Theory]
    [InlineData(0L, false)]
    [InlineData(1L, true)]
    [InlineData(9_999L, true)]
    [InlineData(10_000L, false)]
    [InlineData(15_000L, true)]
    [InlineData(4_200_000_000L, false)]
    [InlineData(int.MaxValue * 10_000L, false)]
    [InlineData((int.MaxValue + 1L) * 10_000L, true)]
    [InlineData(int.MaxValue * 10_000L + 1, true)]
    [InlineData(30L * 24 * 3600 * 10_000_000, true)]
    [InlineData(366L * 24 * 3600 * 10_000_000, true)]
    public void A_wait_round_trips_whether_the_record_or_the_side_table_holds_it(long ticks, bool inSideTable)
    {
        var wait = new TimeSpan(ticks);
        var interaction = new Interaction(new InteractionId("e-1"), TestData.Customer, T0, Channel.Web, "page_view")
        {
            Signals = new InteractionSignals { Wait = wait },
        };
        foreach (var indexed in new[] { true, false })
        {
            var log = InteractionLogTestExtensions.LogOf(indexed, interaction);

            Assert.Equal(inSideTable, (log[0].Flags & InteractionLog.WaitInExtras) != 0);
            Assert.Equal(inSideTable, log.GetExtras(0) is not null);
            Assert.Equal(wait, log.GetWait(0));
            Assert.Equal(wait, log.Materialize(0).Signals.Wait);
            Assert.Equal(wait, new InteractionView(log, 0).Signals.Wait);
            InteractionAssert.Same(interaction, log.Materialize(0));
        }
    }

    [Fact]
    public void A_wait_the_side_table_holds_leaves_the_appended_interaction_and_other_logs_alone()
    {
        var interaction = new Interaction(new InteractionId("e-1"), TestData.Customer, T0, Channel.Phone, "support_request")
        {
            Text = "still waiting",
            Signals = new InteractionSignals { Wait = new TimeSpan(1), Value = 12.50m },
        };
        var shared = interaction.Extras;
        var first = InteractionLogTestExtensions.LogOf(true, interaction);
        var second = InteractionLogTestExtensions.LogOf(false, interaction);

        Assert.Same(shared, interaction.Extras);
        Assert.Null(interaction.Extras!.WaitTicks);
        Assert.Equal(new TimeSpan(1), interaction.Signals.Wait);
        Assert.NotSame(shared, first.GetExtras(0));
        Assert.NotSame(first.GetExtras(0), second.GetExtras(0));
        InteractionAssert.Same(interaction, first.Materialize(0));
        InteractionAssert.Same(interaction, second.Materialize(0));

        // A materialised interaction carries the log's side-table entry; appending it elsewhere round-trips too.
        var again = first.Materialize(0);
        var third = InteractionLogTestExtensions.LogOf(true, again);
        InteractionAssert.Same(interaction, third.Materialize(0));
        InteractionAssert.Same(interaction, first.Materialize(0));
    }

    [Fact]
    public void An_interaction_without_rare_fields_shares_nothing_and_one_with_them_shares_its_unchanged_side_entry()
    {
        var plain = Bare("e-1", T0);
        var rich = Full("e-2", T0.AddHours(1));
        var log = InteractionLogTestExtensions.LogOf(true, plain, rich);

        Assert.Null(log.GetExtras(0));
        Assert.Equal(0, log[0].Flags);
        Assert.Same(rich.Extras, log.GetExtras(1));
        Assert.Equal(InteractionLog.HasExtras, log[1].Flags & ~InteractionLog.Contact); // (Full's kind is a contact)
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("-79228162514264337593543950335")]
    [InlineData("-0.0000000000000000000000000001")]
    [InlineData("1234567890.1234567890123456789")]
    [InlineData("1.50")]
    [InlineData("0.000")]
    public void A_monetary_value_keeps_every_digit_and_its_scale(string text)
    {
        var value = decimal.Parse(text, NumberStyles.Number, CultureInfo.InvariantCulture);
        var interaction = new Interaction(new InteractionId("e-1"), TestData.Customer, T0, Channel.Web, "purchase")
        {
            Signals = new InteractionSignals { Value = value },
        };
        foreach (var indexed in new[] { true, false })
        {
            var back = InteractionLogTestExtensions.LogOf(indexed, interaction).Materialize(0).Signals.Value;

            Assert.Equal(value, back);
            Assert.Equal(text, back!.Value.ToString(CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Empty_attributes_read_back_empty_and_set_ones_read_back_as_set()
    {
        var empty = new Interaction(new InteractionId("e-1"), TestData.Customer, T0, Channel.Web, "page_view")
        {
            Attributes = new Dictionary<string, string>(),
        };
        var set = new Interaction(new InteractionId("e-2"), TestData.Customer, T0, Channel.Web, "page_view")
        {
            Attributes = new Dictionary<string, string> { ["campaign"] = "spring", ["ключ"] = "значение 😀", ["empty"] = string.Empty },
        };
        var log = InteractionLogTestExtensions.LogOf(true, empty, set);

        Assert.Empty(log.Materialize(0).Attributes);
        Assert.Empty(new InteractionView(log, 0).Attributes);
        Assert.Equal(3, log.Materialize(1).Attributes.Count);
        Assert.Equal("spring", log.Materialize(1).Attributes["campaign"]);
        Assert.Equal("значение 😀", new InteractionView(log, 1).Attributes["ключ"]);
        Assert.Equal(string.Empty, log.Materialize(1).Attributes["empty"]);
        InteractionAssert.Same(set, log.Materialize(1));
    }

    [Fact]
    public void Text_round_trips_when_absent_empty_non_ascii_and_at_the_maximum_length()
    {
        string?[] texts = [null, string.Empty, "ok", "nunca mais compro 😡", "\uD800 lone", new string('t', Interaction.MaxTextLength)];
        var log = new InteractionLog(TestData.Customer, indexIds: true);
        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(log.TryAppend(new Interaction(new InteractionId($"e-{i}"), TestData.Customer, T0, Channel.Web, "review") { Text = texts[i] }));
        }

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.Equal(texts[i], log.Materialize(i).Text);
            Assert.Equal(texts[i], new InteractionView(log, i).Text);
        }
    }

    [Fact]
    public void Touchpoints_kinds_and_channels_round_trip_and_read_back_as_one_shared_instance()
    {
        var a = new Interaction(new InteractionId("e-1"), TestData.Customer, T0, new Channel("kiosk-7"), "log_test_interned_kind")
        {
            Touchpoint = new TouchpointId("Loja Paulista — caixa 3"),
        };
        var b = new Interaction(new InteractionId("e-2"), TestData.Customer, T0, new Channel("kiosk-7"), new string(a.Kind.ToCharArray()));
        var first = InteractionLogTestExtensions.LogOf(true, a, b);
        var second = InteractionLogTestExtensions.LogOf(false, b);

        Assert.Equal(new TouchpointId("Loja Paulista — caixa 3"), first.GetTouchpoint(0));
        Assert.Null(first.GetTouchpoint(1));
        Assert.Equal(0, first[1].Touchpoint);
        Assert.Equal(a.Kind, first.GetKind(1));
        Assert.Same(first.GetKind(0), first.GetKind(1));
        Assert.Same(first.GetKind(0), second.GetKind(0));
        Assert.Equal(new Channel("kiosk-7"), second.GetChannel(0));
        Assert.Same(first.GetChannel(0).Name, second.GetChannel(0).Name);
        InteractionAssert.Same(a, first.Materialize(0));
        InteractionAssert.Same(b, second.Materialize(0));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Thousands_of_mixed_interactions_round_trip_in_one_log(bool indexed)
    {
        var expected = Enumerable.Range(0, 3000).Select(Varied).ToArray();
        var log = InteractionLogTestExtensions.LogOf(indexed, expected);
        // Both kinds of log keep replay order.
        expected = [.. expected.OrderBy(i => i.Timestamp.UtcTicks).ThenBy(i => i.Id.Value, StringComparer.Ordinal)];

        Assert.Equal(expected.Length, log.Count);
        var all = log.MaterializeAll(log.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            InteractionAssert.Same(expected[i], all[i]);
        }

        Assert.Equal(10, log.MaterializeAll(10).Length);
        Assert.Empty(log.MaterializeAll(0));
    }

    [Theory]
    [MemberData(nameof(IdNames))]
    public void An_id_round_trips_exactly_in_both_kinds_of_log(string name)
    {
        var id = SampleIds[name];
        foreach (var indexed in new[] { true, false })
        {
            // A neighbour on each side, so that the id's offset and length are exercised, not just the start of the block.
            var log = InteractionLogTestExtensions.LogOf(indexed, Bare("a-before", T0), Bare(id, T0.AddSeconds(1)), Bare("z-after", T0.AddSeconds(2)));

            Assert.Equal(id, log.GetId(1).Value, StringComparer.Ordinal);
            Assert.Equal(id.Length, log.GetId(1).Value.Length);
            Assert.Equal(id, log.Materialize(1).Id.Value, StringComparer.Ordinal);
            Assert.Equal("a-before", log.GetId(0).Value);
            Assert.Equal("z-after", log.GetId(2).Value);
            Assert.True(log.IdEquals(1, id));
            Assert.False(log.IdEquals(1, id + "x"));
            Assert.False(log.IdEquals(1, id[..^1] + (char)(id[^1] + 1)));
            Assert.False(log.IdEquals(0, id));
            Assert.Equal(0, log.CompareId(1, id));
            Assert.True(log.Contains(new InteractionId(id)));
            if (id.Length < 256)
            {
                Assert.False(log.Contains(new InteractionId(id + "x")));
            }

            if (id.Length > 1)
            {
                Assert.False(log.IdEquals(1, id[..^1]));
                Assert.False(log.Contains(new InteractionId(id[..^1])));
            }
        }
    }

    [Fact]
    public void Ids_of_every_form_read_back_side_by_side_and_each_equals_only_itself()
    {
        var ids = SampleIds.Values.ToArray();
        var log = InteractionLogTestExtensions.LogOf(true, [.. ids.Select((id, i) => Bare(id, T0.AddSeconds(i)))]);

        for (var i = 0; i < ids.Length; i++)
        {
            Assert.Equal(ids[i], log.GetId(i).Value, StringComparer.Ordinal);
            Assert.True(log.Contains(new InteractionId(ids[i])));
            for (var j = 0; j < ids.Length; j++)
            {
                Assert.True(log.IdEquals(i, ids[j]) == (i == j), $"IdEquals({Name(i)}, {Name(j)})");
            }
        }

        string Name(int index) => SampleIds.First(p => ReferenceEquals(p.Value, ids[index])).Key;
    }

    [Theory]
    [InlineData("e-1", "E-1")]
    [InlineData("e-1", "é-1")]
    [InlineData("é-1", "e-1")]
    [InlineData("e-10", "e-1")]
    [InlineData("abc", "abd")]
    [InlineData("注文", "注义")]
    public void IdEquals_refuses_an_id_that_differs_by_one_code_unit_or_in_length(string stored, string other)
    {
        var log = InteractionLogTestExtensions.LogOf(true, Bare(stored, T0));

        Assert.False(log.IdEquals(0, other));
        Assert.False(log.Contains(new InteractionId(other)));
        Assert.True(log.IdEquals(0, stored));
    }

    [Fact]
    public void Ids_on_either_side_of_the_long_header_are_told_apart()
    {
        var ids = new[] { new string('a', 126), new string('a', 127), new string('a', 128), new string('a', 126) + "b", new string('é', 127), new string('é', 126) };
        var log = new InteractionLog(TestData.Customer, indexIds: true);
        foreach (var id in ids)
        {
            Assert.True(log.TryAppend(Bare(id, T0)), $"{id.Length} characters");
        }

        // Same instant, so the log orders them by ordinal id.
        var ordered = ids.Order(StringComparer.Ordinal).ToArray();
        for (var i = 0; i < ordered.Length; i++)
        {
            Assert.Equal(ordered[i], log.GetId(i).Value, StringComparer.Ordinal);
            Assert.False(log.TryAppend(Bare(ordered[i], T0.AddDays(1))));
        }

        Assert.Equal(ids.Length, log.Count);
    }

    [Fact]
    public void CompareId_orders_like_string_CompareOrdinal_for_every_pair_of_ids()
    {
        var ids = SampleIds.Values.Concat(["", "a", "ab", "b", "Z", "e-10", "e-9", "\uD800", "\uDBFF\uDFFF", "\uFFFF", "é"]).ToArray();
        var stored = ids.Where(id => id.Length > 0).ToArray();
        var log = InteractionLogTestExtensions.LogOf(true, [.. stored.Select((id, i) => Bare(id, T0.AddSeconds(i)))]);

        for (var i = 0; i < stored.Length; i++)
        {
            foreach (var other in ids)
            {
                var expected = Math.Sign(string.CompareOrdinal(stored[i], other));
                Assert.True(expected == Math.Sign(log.CompareId(i, other)), $"'{Escape(stored[i])}' vs '{Escape(other)}': expected {expected}");
            }
        }
    }

    [Fact]
    public void Timestamp_ties_follow_utf16_order_where_utf8_and_code_point_order_differ()
    {
        // U+10000 is a surrogate pair (D800 DC00), so UTF-16 order puts it before U+E000; UTF-8 and code points do not.
        Assert.True(string.CompareOrdinal("\U00010000", "\uE000") < 0);
        foreach (var (first, second) in new[] { ("\uE000", "\U00010000"), ("\U00010000", "\uE000") })
        {
            var log = new InteractionLog(TestData.Customer, indexIds: false);
            log.InsertInReplayOrder(Bare(first, T0));
            log.InsertInReplayOrder(Bare(second, T0));

            Assert.Equal("\U00010000", log.GetId(0).Value, StringComparer.Ordinal);
            Assert.Equal("\uE000", log.GetId(1).Value, StringComparer.Ordinal);
            Assert.True(log.CompareId(0, "\uE000") < 0);
            Assert.True(log.CompareId(1, "\U00010000") > 0);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Contains_finds_exactly_the_ids_in_the_log(bool indexed)
    {
        var log = InteractionLogTestExtensions.LogOf(indexed, Bare("e-1", T0), Bare("é-2", T0), Bare(new string('k', 200), T0));

        Assert.True(log.Contains(new InteractionId("e-1")));
        Assert.True(log.Contains(new InteractionId("é-2")));
        Assert.True(log.Contains(new InteractionId(new string('k', 200))));
        Assert.False(log.Contains(new InteractionId("e-2")));
        Assert.False(log.Contains(new InteractionId("E-1")));
        Assert.False(log.Contains(new InteractionId("e-2\u0301")));
        Assert.False(log.Contains(new InteractionId(new string('k', 199))));
        Assert.False(new InteractionLog(TestData.Customer, indexed).Contains(new InteractionId("e-1")));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(258)]
    [InlineData(1000)]
    [InlineData(1025)]
    [InlineData(5000)]
    public void Duplicates_are_refused_and_leave_the_log_unchanged_at_every_size(int count)
    {
        var log = new InteractionLog(TestData.Customer, indexIds: true);
        var ids = Enumerable.Range(0, count).Select(SizedId).ToArray();
        for (var i = 0; i < count; i++)
        {
            Assert.True(log.TryAppend(Bare(ids[i], T0.AddSeconds(i))), ids[i]);
            // The newest id is refused at once, while the check may still be a scan or the table was just built.
            Assert.False(log.TryAppend(Full(ids[i], T0)), ids[i]);
        }

        var records = log.Records.ToArray();
        var before = log.MaterializeAll(count);
        for (var i = count - 1; i >= 0; i--)
        {
            Assert.False(log.TryAppend(Full(ids[i], T0.AddDays(1))), ids[i]);
        }

        Assert.Equal(count, log.Count);
        Assert.Equal(records, log.Records.ToArray());
        for (var i = 0; i < count; i++)
        {
            Assert.True(log.Contains(new InteractionId(ids[i])), ids[i]);
            Assert.False(log.Contains(new InteractionId(ids[i] + "-absent")), ids[i]);
            InteractionAssert.Same(before[i], log.Materialize(i));
            Assert.Equal("page_view", log.GetKind(i));
        }

        // And still accepts new ids.
        Assert.True(log.TryAppend(Bare("new", T0)));
        Assert.Equal(count + 1, log.Count);
    }

    [Fact]
    public void Duplicates_are_still_refused_once_one_customers_ids_pass_16_megabytes()
    {
        // The table's entries keep 24 bits of id offset; past them it is rebuilt with whole offsets. 256-character
        // ASCII ids take 259 bytes each: 66,000 of them are 17 MB.
        const int Count = 66_000;
        var log = new InteractionLog(TestData.Customer, indexIds: true);
        var ids = Enumerable.Range(0, Count).Select(i => i.ToString("D8", CultureInfo.InvariantCulture).PadRight(256, 'x')).ToArray();
        for (var i = 0; i < Count; i++)
        {
            Assert.True(log.TryAppend(Bare(ids[i], T0.AddSeconds(i))), ids[i]);
        }

        foreach (var i in new[] { 0, 1, 30_000, 64_776, 64_777, 64_778, Count - 1 })
        {
            Assert.False(log.TryAppend(Bare(ids[i], T0)), ids[i]);
            Assert.True(log.Contains(new InteractionId(ids[i])), ids[i]);
            Assert.False(log.Contains(new InteractionId(ids[i][..255] + "y")), ids[i]);
            Assert.Equal(ids[i], log.GetId(i).Value);
        }

        Assert.True(log.TryAppend(Bare("new", T0)));
        Assert.False(log.TryAppend(Bare("new", T0.AddDays(1))));
        Assert.Equal(Count + 1, log.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(300)]
    [InlineData(2000)]
    public void Ids_with_equal_hash_codes_are_told_apart_below_and_above_the_table_threshold(int filler)
    {
        var (a, b) = CollidingPair.Value;
        Assert.Equal(a.GetHashCode(StringComparison.Ordinal), b.GetHashCode(StringComparison.Ordinal));
        var log = new InteractionLog(TestData.Customer, indexIds: true);
        for (var i = 0; i < filler; i++)
        {
            Assert.True(log.TryAppend(Bare($"f-{i}", T0)));
        }

        Assert.True(log.TryAppend(Bare(a, T0)));
        Assert.True(log.Contains(new InteractionId(a)));
        Assert.False(log.Contains(new InteractionId(b)));
        Assert.True(log.TryAppend(Bare(b, T0.AddSeconds(1))));
        Assert.False(log.TryAppend(Bare(a, T0.AddDays(1))));
        Assert.False(log.TryAppend(Bare(b, T0.AddDays(1))));
        Assert.Equal(filler + 2, log.Count);
        Assert.Equal(a, log.GetId(filler).Value);
        Assert.Equal(b, log.GetId(filler + 1).Value);

        // Ids appended after the pair keep the table consistent (it may be rebuilt around them).
        for (var i = 0; i < 600; i++)
        {
            Assert.True(log.TryAppend(Bare($"g-{i}", T0)));
        }

        Assert.False(log.TryAppend(Bare(a, T0)));
        Assert.False(log.TryAppend(Bare(b, T0)));
        Assert.True(log.Contains(new InteractionId(a)) && log.Contains(new InteractionId(b)));
    }

    [Fact]
    public void Ids_that_cluster_at_the_end_of_the_hash_table_wrap_around_and_stay_findable()
    {
        // Hash codes whose low 16 bits are all ones land on the last slot of every table up to 65,536 slots,
        // so each probe runs to the end of the table and wraps to its start.
        const int lowBits = 0xFFFF;
        var clustered = new List<string>();
        for (var i = 0; clustered.Count < 41; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"w-{i}");
            if ((id.GetHashCode(StringComparison.Ordinal) & lowBits) == lowBits)
            {
                clustered.Add(id);
            }
        }

        var absent = clustered[^1];
        clustered.RemoveAt(clustered.Count - 1);
        var log = new InteractionLog(TestData.Customer, indexIds: true);
        for (var i = 0; i < 300; i++)
        {
            Assert.True(log.TryAppend(Bare($"f-{i}", T0)));
        }

        foreach (var id in clustered)
        {
            Assert.True(log.TryAppend(Bare(id, T0)), id);
        }

        foreach (var id in clustered)
        {
            Assert.True(log.Contains(new InteractionId(id)), id);
            Assert.False(log.TryAppend(Bare(id, T0)), id);
        }

        Assert.False(log.Contains(new InteractionId(absent)));
        Assert.True(log.TryAppend(Bare(absent, T0)));
        Assert.Equal(300 + clustered.Count + 1, log.Count);
    }

    [Fact]
    public void InsertInReplayOrder_puts_each_interaction_in_its_place_and_returns_its_position()
    {
        var log = new InteractionLog(TestData.Customer, indexIds: false);

        Assert.Equal(0, log.InsertInReplayOrder(Bare("e-b", T0.AddHours(2))));
        Assert.Equal(0, log.InsertInReplayOrder(Bare("e-a", T0.AddHours(1))));
        Assert.Equal(2, log.InsertInReplayOrder(Bare("e-c", T0.AddHours(3))));
        Assert.Equal(2, log.InsertInReplayOrder(Bare("e-b2", T0.AddHours(2))));
        Assert.Equal(1, log.InsertInReplayOrder(Bare("e-a", T0.AddHours(2))));
        Assert.Equal(5, log.InsertInReplayOrder(Bare("e-d", T0.AddHours(3))));

        Assert.Equal(["e-a", "e-a", "e-b", "e-b2", "e-c", "e-d"], Ids(log));
        Assert.Equal([1, 2, 2, 2, 3, 3], Enumerable.Range(0, log.Count).Select(i => (int)(log.GetTimestamp(i) - T0).TotalHours));
    }

    [Fact]
    public void Equal_instants_with_different_offsets_are_ordered_by_id_and_keep_their_offsets()
    {
        var utc = new DateTimeOffset(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);
        var plusTwo = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.FromHours(2));
        var minusFive = new DateTimeOffset(2024, 3, 1, 3, 0, 0, TimeSpan.FromHours(-5));
        // Later on its own clock, earlier in fact.
        var earlier = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.FromHours(2));
        var log = new InteractionLog(TestData.Customer, indexIds: false);
        log.InsertInReplayOrder(Bare("e-c", plusTwo));
        log.InsertInReplayOrder(Bare("e-a", minusFive));
        log.InsertInReplayOrder(Bare("e-b", utc));
        log.InsertInReplayOrder(Bare("e-z", earlier));

        Assert.Equal(["e-z", "e-a", "e-b", "e-c"], Ids(log));
        Assert.Equal([TimeSpan.FromHours(2), TimeSpan.FromHours(-5), TimeSpan.Zero, TimeSpan.FromHours(2)], Enumerable.Range(0, 4).Select(i => log.GetTimestamp(i).Offset));
        Assert.Equal(plusTwo.Ticks, log.Materialize(3).Timestamp.Ticks);
        Assert.Equal(minusFive.Ticks, log.Materialize(1).Timestamp.Ticks);
    }

    [Fact]
    public void Side_table_entries_follow_their_records_when_late_arrivals_shift_them()
    {
        var interactions = Enumerable.Range(0, 40).Select(Varied).ToArray();
        var log = new InteractionLog(TestData.Customer, indexIds: false);
        // Newest first: every insert shifts all the records before it.
        foreach (var interaction in interactions.OrderByDescending(i => i.Timestamp.UtcTicks).ThenByDescending(i => i.Id.Value, StringComparer.Ordinal))
        {
            Assert.Equal(0, log.InsertInReplayOrder(interaction));
        }

        var expected = interactions.OrderBy(i => i.Timestamp.UtcTicks).ThenBy(i => i.Id.Value, StringComparer.Ordinal).ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            InteractionAssert.Same(expected[i], log.Materialize(i));
        }
    }

    [Fact]
    public void An_unindexed_log_keeps_a_repeated_id_as_told()
    {
        var log = new InteractionLog(TestData.Customer, indexIds: false);
        log.InsertInReplayOrder(Bare("e-1", T0));
        log.InsertInReplayOrder(Full("e-1", T0));

        Assert.Equal(2, log.Count);
        Assert.Equal("page_view", log.GetKind(0));
        Assert.Equal("support_resolved", log.GetKind(1));
        Assert.True(log.Contains(new InteractionId("e-1")));
    }

    [Fact]
    public void A_record_is_32_bytes()
    {
        Assert.Equal(32, Unsafe.SizeOf<InteractionRecord>());
    }

    private static Interaction Bare(string id, DateTimeOffset at) =>
        new(new InteractionId(id), TestData.Customer, at, Channel.Web, "page_view");

    private static Interaction Full(string id, DateTimeOffset at) =>
        new(new InteractionId(id), TestData.Customer, at, Channel.Phone, "support_resolved")
        {
            Touchpoint = new TouchpointId("support-line"),
            Mode = ServiceMode.Assisted,
            Outcome = InteractionOutcome.Succeeded,
            Signals = new InteractionSignals
            {
                Csat = 5,
                Nps = 0,
                Ces = 7,
                Wait = TimeSpan.FromSeconds(420),
                HandlingTime = new TimeSpan(1_234_567),
                Value = 1234567890.1234567890123456789m,
            },
            Text = "Merci, très bien 😀",
            Attributes = new Dictionary<string, string> { ["region"] = "EU", ["órder"] = "42" },
        };

    /// <summary>The i-th of a varied set: every combination of rare fields, offsets, id forms and timestamp ties.</summary>
    private static Interaction Varied(int i)
    {
        var at = new DateTimeOffset(T0.UtcTicks + ((i / 3) * TimeSpan.TicksPerMinute), TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(((i % 57) - 28) * 30));
        var id = (i % 4) switch
        {
            0 => $"v-{i}",
            1 => $"ü-{i}",
            2 => $"{new string('l', 130)}-{i}",
            _ => $"😀{i}",
        };
        return new Interaction(new InteractionId(id), TestData.Customer, at, i % 5 == 0 ? Channel.Email : Channel.Web, i % 2 == 0 ? "page_view" : "purchase")
        {
            Touchpoint = i % 3 == 0 ? new TouchpointId($"tp-{i % 7}") : null,
            Mode = i % 6 == 0 ? ServiceMode.Automated : null,
            Outcome = (InteractionOutcome)(i % 4),
            Signals = new InteractionSignals
            {
                Csat = i % 7 == 0 ? (i % 5) + 1 : null,
                Nps = i % 11 == 0 ? i % 11 : null,
                Wait = (i % 8) switch
                {
                    0 => null,
                    1 => new TimeSpan(i),
                    2 => TimeSpan.FromDays(30),
                    _ => TimeSpan.FromMilliseconds(i),
                },
                Value = i % 9 == 0 ? i / 7m : null,
            },
            Text = i % 10 == 0 ? $"text {i}" : null,
            Attributes = i % 13 == 0 ? new Dictionary<string, string> { ["n"] = $"{i}" } : new Dictionary<string, string>(),
        };
    }

    private static string SizedId(int i) => (i % 3) switch
    {
        0 => $"s-{i}",
        1 => $"ß-{i}",
        _ => $"{new string('s', 127)}{i}",
    };

    private static string[] Ids(InteractionLog log) => [.. Enumerable.Range(0, log.Count).Select(i => log.GetId(i).Value)];

    private static string Escape(string s) => string.Concat(s.Take(8).Select(c => c < 128 ? new string(c, 1) : $"\\u{(int)c:X4}")) + (s.Length > 8 ? $"…({s.Length})" : string.Empty);

    private static (string A, string B) FindCollision(string prefix)
    {
        var seen = new Dictionary<int, string>();
        for (var i = 0; ; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}");
            if (!seen.TryAdd(id.GetHashCode(StringComparison.Ordinal), id))
            {
                return (seen[id.GetHashCode(StringComparison.Ordinal)], id);
            }
        }
    }
}
