using CxCore.Domain;

namespace CxCore.Tests.Domain;

/// <summary>Field-by-field comparisons of interactions, so a difference names the field (and a timestamp's offset counts).</summary>
internal static class InteractionAssert
{
    /// <summary><paramref name="actual"/> has every field of <paramref name="expected"/>.</summary>
    public static void Same(Interaction expected, Interaction actual)
    {
        Assert.NotNull(actual);
        Same(expected, new InteractionView(actual));
    }

    /// <summary><paramref name="actual"/> reads every field of <paramref name="expected"/>.</summary>
    public static void Same(Interaction expected, InteractionView actual)
    {
        Assert.False(actual.IsEmpty);
        Assert.Equal(expected.Id.Value, actual.Id.Value, StringComparer.Ordinal);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.CustomerId, actual.CustomerId);
        Assert.Equal(expected.Timestamp.UtcTicks, actual.Timestamp.UtcTicks);
        Assert.Equal(expected.Timestamp.Offset, actual.Timestamp.Offset);
        Assert.Equal(expected.Timestamp.Ticks, actual.Timestamp.Ticks);
        Assert.Equal(expected.Channel, actual.Channel);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Touchpoint, actual.Touchpoint);
        Assert.Equal(expected.Mode, actual.Mode);
        Assert.Equal(expected.Outcome, actual.Outcome);
        var (e, a) = (expected.Signals, actual.Signals);
        Assert.Equal(e.Csat, a.Csat);
        Assert.Equal(e.Nps, a.Nps);
        Assert.Equal(e.Ces, a.Ces);
        Assert.Equal(e.Wait, a.Wait);
        Assert.Equal(e.HandlingTime, a.HandlingTime);
        Assert.Equal(e.Value, a.Value);
        // decimal equality ignores trailing zeros; the text form does not.
        Assert.Equal(e.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture), a.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(e, a);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(Sorted(expected.Attributes), Sorted(actual.Attributes));
        Assert.Equal(expected.ToString(), actual.ToString());
    }

    private static KeyValuePair<string, string>[] Sorted(IReadOnlyDictionary<string, string> attributes)
    {
        Assert.NotNull(attributes);
        return [.. attributes.OrderBy(a => a.Key, StringComparer.Ordinal)];
    }
}
