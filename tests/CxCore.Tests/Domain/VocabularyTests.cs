using CxCore.Domain;

namespace CxCore.Tests.Domain;

/// <summary>The interning tables behind the compact records (a private table here: the process-wide ones are shared).</summary>
public sealed class VocabularyTests
{
    [Fact]
    public void Strings_get_indexes_from_1_in_order_of_first_sight_and_read_back_as_the_first_instance()
    {
        var vocabulary = new Vocabulary(10);
        var first = new string("purchase".ToCharArray());

        Assert.True(vocabulary.TryGetIndex(first, out var purchase));
        Assert.True(vocabulary.TryGetIndex("page_view", out var pageView));
        Assert.True(vocabulary.TryGetIndex(new string("purchase".ToCharArray()), out var again));

        Assert.Equal(1, purchase);
        Assert.Equal(2, pageView);
        Assert.Equal(purchase, again);
        Assert.Same(first, vocabulary[purchase]);
        Assert.Equal("page_view", vocabulary[pageView]);
        Assert.Equal(2, vocabulary.Count);
    }

    [Fact]
    public void A_full_vocabulary_refuses_new_strings_and_still_finds_the_ones_it_holds()
    {
        var vocabulary = new Vocabulary(2);
        Assert.True(vocabulary.TryGetIndex("a", out _));
        Assert.True(vocabulary.TryGetIndex("b", out var b));

        Assert.False(vocabulary.TryGetIndex("c", out var c));
        Assert.Equal(0, c);
        Assert.True(vocabulary.TryGetIndex("b", out var bAgain));
        Assert.Equal(b, bAgain);
        Assert.Equal(2, vocabulary.Count);
    }

    [Fact]
    public void A_vocabulary_grows_past_its_initial_array_and_keeps_every_index()
    {
        var vocabulary = new Vocabulary(1000);
        var values = Enumerable.Range(0, 1000).Select(i => $"v-{i}").ToArray();
        foreach (var value in values)
        {
            Assert.True(vocabulary.TryGetIndex(value, out _));
        }

        for (var i = 0; i < values.Length; i++)
        {
            Assert.True(vocabulary.TryGetIndex(values[i], out var index));
            Assert.Equal(i + 1, index);
            Assert.Same(values[i], vocabulary[index]);
        }

        Assert.False(vocabulary.TryGetIndex("one too many", out _));
    }

    [Fact]
    public void Concurrent_first_sightings_agree_on_one_index_per_string()
    {
        var vocabulary = new Vocabulary(ushort.MaxValue);
        var values = Enumerable.Range(0, 500).Select(i => $"c-{i % 200}").ToArray();
        var indexes = new int[values.Length];

        Parallel.For(0, values.Length, i => Assert.True(vocabulary.TryGetIndex(values[i], out indexes[i])));

        Assert.Equal(200, vocabulary.Count);
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Equal(values[i], vocabulary[indexes[i]]);
        }

        Assert.Equal(200, indexes.Distinct().Count());
    }
}
