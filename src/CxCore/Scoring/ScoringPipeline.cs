using System.Buffers;
using System.Runtime.InteropServices;
using CxCore.Domain;

namespace CxCore.Scoring;

/// <summary>
/// Scores a customer's journey: asks every scorer for its opinion of every interaction and combines the opinions
/// into a <see cref="CxScore"/> — a weighted mean renormalised over the signals present, with recency decay and
/// negativity bias, blended with the worst and the latest moment (peak–end). Immutable and thread-safe; built by
/// <see cref="ScoringPipelineBuilder"/>.
/// </summary>
/// <remarks>
/// <para>Entry points, from richest to fastest:</para>
/// <list type="bullet">
/// <item><see cref="Score(IReadOnlyList{Interaction}, DateTimeOffset)"/>: the score with its full explanation (allocates the explanation).</item>
/// <item><see cref="Evaluate"/>: the same value, confidence and band without the explanation and without allocating, asking every scorer about every interaction.</item>
/// <item><see cref="JourneyScorer"/>: the engine's path — keeps the opinions on a journey's interactions, so rescoring after a new interaction scores only that one; same results as <see cref="Evaluate"/>.</item>
/// <item><see cref="ScoreInteraction"/>: the opinions of every scorer on one interaction, without allocating.</item>
/// </list>
/// <para>The formula, with a worked example, is in docs/scoring.md.</para>
/// </remarks>
/// <example>
/// <code>
/// var pipeline = ScoringPipeline.Default;
/// CxScore score = pipeline.Score(journey.Interactions, DateTimeOffset.UtcNow);
/// Console.WriteLine(score.Explain());
/// </code>
/// </example>
public sealed class ScoringPipeline
{
    private const double TieTolerance = 1e-9;

    // exp(600) ≈ 4e260: far from overflow even summed over billions of interactions.
    private const double RebaseExponent = 600;
    private const double UnratedValue = ScoreComponent.Neutral;

    private static readonly Lazy<ScoringPipeline> LazyDefault = new(() => ScoringPipelineBuilder.CreateDefault().Build());

    private readonly IInteractionScorer[] _scorers;
    private readonly double[] _weights;
    private readonly double _decayPerTick;
    private readonly bool[] _latestSensitive;
    private readonly double _mean;
    private readonly double _worst;
    private readonly double _latest;

    internal ScoringPipeline(
        IInteractionScorer[] scorers,
        double[] weights,
        TimeSpan recencyHalfLife,
        double negativityBias,
        PeakEndWeights peakEnd,
        double evidenceScale,
        BandThresholds bands)
    {
        _scorers = scorers;
        _weights = weights;
        _latestSensitive = [.. scorers.Select(static s => s is not ILatestIndependentScorer)];
        Scorers = Array.AsReadOnly(scorers);
        RecencyHalfLife = recencyHalfLife;
        NegativityBias = negativityBias;
        PeakEnd = peakEnd;
        EvidenceScale = evidenceScale;
        Bands = bands;
        _decayPerTick = Math.Log(2) / recencyHalfLife.Ticks;
        var total = peakEnd.Mean + peakEnd.Worst + peakEnd.Latest;
        _mean = peakEnd.Mean / total;
        _worst = peakEnd.Worst / total;
        _latest = peakEnd.Latest / total;
    }

    /// <summary>The pipeline with the built-in scorers and default settings (see <see cref="ScoringPipelineBuilder.CreateDefault"/>).</summary>
    public static ScoringPipeline Default => LazyDefault.Value;

    /// <summary>The scorers, in the order they are asked and reported.</summary>
    public IReadOnlyList<IInteractionScorer> Scorers { get; }

    /// <summary>The age, measured back from the customer's latest interaction, at which an opinion counts half.</summary>
    public TimeSpan RecencyHalfLife { get; }

    /// <summary>How many times a negative opinion (score below 50) counts in the mean, at least 1.</summary>
    public double NegativityBias { get; }

    /// <summary>The blend of mean, worst moment and latest moment, as configured.</summary>
    public PeakEndWeights PeakEnd { get; }

    /// <summary>The amount of fresh evidence (sum of weights) at which confidence reaches 1 − 1/e ≈ 0.63.</summary>
    public double EvidenceScale { get; }

    /// <summary>The band thresholds.</summary>
    public BandThresholds Bands { get; }

    /// <summary>The weight of a scorer.</summary>
    /// <param name="name">The scorer's name.</param>
    /// <returns>Its weight.</returns>
    /// <exception cref="KeyNotFoundException">No scorer of that name is in the pipeline.</exception>
    public double WeightOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var k = 0; k < _scorers.Length; k++)
        {
            if (_scorers[k].Name == name)
            {
                return _weights[k];
            }
        }

        throw new KeyNotFoundException($"No scorer named '{name}' is in the pipeline; it has: {string.Join(", ", _scorers.Select(s => s.Name))}.");
    }

    /// <summary>Scores a journey with its full explanation.</summary>
    /// <param name="journey">The journey.</param>
    /// <param name="asOf">The instant to score as of; interactions after it are ignored.</param>
    /// <returns>The score.</returns>
    public CxScore Score(Journey journey, DateTimeOffset asOf)
    {
        ArgumentNullException.ThrowIfNull(journey);
        return Score(journey.Interactions, asOf);
    }

    /// <summary>Scores a customer's interactions with the full explanation.</summary>
    /// <param name="interactions">The customer's interactions, oldest first.</param>
    /// <param name="asOf">The instant to score as of (usually now); interactions after it are ignored.</param>
    /// <returns>The score; <see cref="CxBand.Unrated"/> when no scorer has an opinion.</returns>
    /// <exception cref="ArgumentException">An interaction is null or out of time order.</exception>
    public CxScore Score(IReadOnlyList<Interaction> interactions, DateTimeOffset asOf)
    {
        var span = AsSpan(interactions, asOf, out var rented);
        try
        {
            var sink = new CollectingSink(span.Length * 2);
            var totals = Aggregate(new InteractionHistory(span), asOf, ref sink);
            return Explain(span, asOf, totals, sink.Items);
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>
    /// Computes the value, confidence and band of a customer's interactions — exactly those of
    /// <see cref="Score(IReadOnlyList{Interaction}, DateTimeOffset)"/> — without the explanation and without allocating
    /// (when <paramref name="interactions"/> is an array or a <see cref="List{T}"/>; otherwise a pooled buffer is used).
    /// This is the path for rescoring a journey every time an interaction arrives.
    /// </summary>
    /// <param name="interactions">The customer's interactions, oldest first.</param>
    /// <param name="asOf">The instant to score as of; interactions after it are ignored.</param>
    /// <returns>The summary.</returns>
    /// <exception cref="ArgumentException">An interaction is null or out of time order.</exception>
    public CxScoreSummary Evaluate(IReadOnlyList<Interaction> interactions, DateTimeOffset asOf)
    {
        var span = AsSpan(interactions, asOf, out var rented);
        try
        {
            var sink = default(NoSink);
            return Aggregate(new InteractionHistory(span), asOf, ref sink).Summary;
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>
    /// Asks every scorer for its opinion of one interaction, without allocating. <c>components[k]</c> receives the
    /// opinion of <c>Scorers[k]</c>, or <c>default</c> (<see cref="ScoreComponent.IsEmpty"/>) when it has none.
    /// </summary>
    /// <param name="interactions">The customer's interactions, oldest first.</param>
    /// <param name="index">The position of the interaction to score.</param>
    /// <param name="asOf">The instant to score as of.</param>
    /// <param name="components">Receives one entry per scorer; at least <c>Scorers.Count</c> long.</param>
    /// <returns>How many scorers had an opinion.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list, or <paramref name="components"/> is too short.</exception>
    public int ScoreInteraction(IReadOnlyList<Interaction> interactions, int index, DateTimeOffset asOf, Span<ScoreComponent> components)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        if ((uint)index >= (uint)interactions.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be between 0 and {interactions.Count - 1} (the interactions' positions), but was {index}.");
        }

        if (components.Length < _scorers.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(components), components.Length, $"components must have room for {_scorers.Length} opinions (one per scorer), but has {components.Length}.");
        }

        var span = AsSpan(interactions, DateTimeOffset.MaxValue, out var rented);
        try
        {
            var interaction = span[index];
            var isLatest = index == span.Length - 1 || span[index + 1].Timestamp > asOf;
            var context = new ScoringContext(span[..index], asOf, isLatest);
            var count = 0;
            for (var k = 0; k < _scorers.Length; k++)
            {
                if (_weights[k] > 0 && _scorers[k].TryScore(interaction, in context, out var component) && !component.IsEmpty)
                {
                    components[k] = component;
                    count++;
                }
                else
                {
                    components[k] = default;
                }
            }

            return count;
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>Asks every scorer for its opinion of <c>span[index]</c> and sums the opinions.</summary>
    internal InteractionTally Tally<TSink>(InteractionHistory all, int index, DateTimeOffset asOf, bool isLatest, ref TSink sink, JourneyFacts? known = null)
        where TSink : struct, IComponentSink
    {
        var interaction = all[index];
        var context = new ScoringContext(all.Take(index), asOf, isLatest, known);
        Sum sum = default;
        for (var k = 0; k < _scorers.Length; k++)
        {
            var scorerWeight = _weights[k];
            if (scorerWeight <= 0 || !_scorers[k].TryScore(interaction, in context, out var component) || component.IsEmpty)
            {
                continue;
            }

            var (weight, biased) = sum.Add(scorerWeight, component, NegativityBias);
            sink.Add(index, k, component, weight, biased);
        }

        return sum.ToTally();
    }

    /// <summary>
    /// The opinions on the latest interaction <c>all[^1]</c> both as the latest (<paramref name="latest"/>) and as the
    /// earlier interaction it becomes when the next one arrives (<paramref name="earlier"/>): exactly two
    /// <see cref="Tally"/> calls, but the scorers whose opinion cannot depend on that are asked once.
    /// </summary>
    internal void TallyLatest(InteractionHistory all, DateTimeOffset asOf, JourneyFacts known, out InteractionTally earlier, out InteractionTally latest)
    {
        var index = all.Length - 1;
        var interaction = all[index];
        var before = all.Take(index);
        var asEarlier = new ScoringContext(before, asOf, isLatest: false, known: null);
        var asLatest = new ScoringContext(before, asOf, isLatest: true, known);
        Sum e = default, l = default;
        for (var k = 0; k < _scorers.Length; k++)
        {
            var scorerWeight = _weights[k];
            if (scorerWeight <= 0)
            {
                continue;
            }

            var scorer = _scorers[k];
            if (scorer.TryScore(interaction, in asEarlier, out var component) && !component.IsEmpty)
            {
                e.Add(scorerWeight, component, NegativityBias);
                if (!_latestSensitive[k])
                {
                    l.Add(scorerWeight, component, NegativityBias);
                }
            }

            if (_latestSensitive[k] && scorer.TryScore(interaction, in asLatest, out component) && !component.IsEmpty)
            {
                l.Add(scorerWeight, component, NegativityBias);
            }
        }

        earlier = e.ToTally();
        latest = l.ToTally();
    }

    /// <summary>
    /// Combines the opinions on <paramref name="span"/> (the interactions up to <paramref name="asOf"/>), scoring every
    /// interaction; the latest is asked as the latest, as only its opinions may depend on <paramref name="asOf"/>.
    /// </summary>
    internal Totals Aggregate<TSink>(InteractionHistory span, DateTimeOffset asOf, ref TSink sink)
        where TSink : struct, IComponentSink
    {
        if (span.IsEmpty)
        {
            return Finish(Fold.Empty, 0, 0, default, asOf);
        }

        var last = span.Length - 1;
        var fold = Fold.Empty;
        for (var i = 0; i < last; i++)
        {
            Add(ref fold, i, span.UtcTicksAt(i), Tally(span, i, asOf, isLatest: false, ref sink));
        }

        return Finish(fold, last, span.UtcTicksAt(last), Tally(span, last, asOf, isLatest: true, ref sink), asOf);
    }

    /// <summary>
    /// Folds one interaction's tally into <paramref name="fold"/>; interactions must come in time order. The recency
    /// sums are kept relative to a reference instant (<see cref="Fold.Frame"/>), so adding an interaction never revisits
    /// the earlier ones: this is what keeps <see cref="JourneyScorer"/> O(1) per interaction, and the from-scratch path
    /// runs the same fold, so both give bit-identical results.
    /// </summary>
    /// <param name="fold">The fold so far.</param>
    /// <param name="index">The interaction's position.</param>
    /// <param name="ticks">The interaction's instant (UTC ticks), at or after every one folded in so far.</param>
    /// <param name="tally">The opinions on it.</param>
    /// <param name="knownGrowth">
    /// The growth factor an earlier <see cref="Add"/> of an interaction at <paramref name="ticks"/> to this same fold
    /// returned (the engine's catch-up folds in the previous latest interaction, which <see cref="Finish"/> added to a
    /// copy of this fold): reused instead of computed again, so the result is the same to the bit. 0 when not known.
    /// </param>
    /// <returns>The growth factor the tally was folded in with (relative to the fold's reference instant); 0 when the tally holds no opinion.</returns>
    internal double Add(ref Fold fold, int index, long ticks, in InteractionTally tally, double knownGrowth = 0)
    {
        if (tally.Count == 0 || tally.U <= 0)
        {
            return 0;
        }

        if (fold.Count == 0)
        {
            fold.Frame = ticks;
        }

        var exponent = _decayPerTick * (ticks - fold.Frame);
        if (exponent > RebaseExponent)
        {
            // Move the reference forward before the growth factors overflow (after ~800 half-lives).
            var scale = Math.Exp(-exponent);
            (fold.B, fold.BS, fold.U, fold.WorstGrowth, fold.Frame, exponent) = (fold.B * scale, fold.BS * scale, fold.U * scale, fold.WorstGrowth * scale, ticks, 0);
        }

        // exp is a deterministic function of the exponent, so a known growth (computed on a copy of this fold for the
        // same instant, which rebased the same way) is the same value.
        var growth = knownGrowth > 0 ? knownGrowth : Math.Exp(exponent);
        fold.B += growth * tally.B;
        fold.BS += growth * tally.BS;
        fold.U += growth * tally.U;
        fold.Count += tally.Count;
        var interactionScore = tally.US / tally.U;
        if (interactionScore <= fold.WorstScore + TieTolerance)
        {
            // Ties go to the more recent moment.
            (fold.Worst, fold.WorstScore, fold.WorstTicks, fold.WorstWeight, fold.WorstGrowth) = (index, interactionScore, ticks, tally.U, growth);
        }

        (fold.Latest, fold.LatestScore, fold.LatestWeight) = (index, interactionScore, tally.U);
        return growth;
    }

    /// <summary>
    /// The value, confidence and band of <paramref name="fold"/> (every interaction but the latest) with the latest
    /// interaction's tally folded in (into this copy). Every path finishes through here (from scratch and incremental),
    /// so they stay bit-identical.
    /// </summary>
    /// <param name="fold">The earlier interactions' fold (a copy: the caller's is not changed).</param>
    /// <param name="latest">The latest interaction's index.</param>
    /// <param name="referenceTicks">The latest interaction's instant (UTC ticks): recency is measured back from it.</param>
    /// <param name="tally">The opinions on the latest interaction as the latest.</param>
    /// <param name="asOf">The instant scored as of.</param>
    internal Totals Finish(Fold fold, int latest, long referenceTicks, in InteractionTally tally, DateTimeOffset asOf)
    {
        var growth = Add(ref fold, latest, referenceTicks, tally);

        var totals = new Totals
        {
            ReferenceTicks = referenceTicks,
            LatestGrowth = growth,
            Worst = fold.Worst,
            WorstScore = fold.WorstScore,
            WorstWeight = fold.WorstWeight,
            Latest = fold.Latest,
            LatestScore = fold.LatestScore,
            LatestWeight = fold.LatestWeight,
        };
        if (fold.Count == 0)
        {
            totals.Summary = new CxScoreSummary(UnratedValue, 0, CxBand.Unrated, 0);
            return totals;
        }

        // Recency is measured back from the latest interaction: a quiet customer's score does not drift by itself;
        // silence is what the health scorer and the confidence measure. When the latest was just folded in, the decay
        // back to the fold's reference instant is the inverse of its growth factor: one exp fewer per score.
        var toReference = growth > 0 ? 1 / growth : Decay(referenceTicks - fold.Frame);
        totals.SumW = toReference * fold.B;
        totals.Mean = fold.BS / fold.B;
        // The worst moment's recency is its growth factor over the latest's (both relative to the fold's reference
        // instant): the decay between the two instants, without another exp.
        // (At most 1: the quotient of two rounded factors may not be, for instants a few ticks apart.)
        totals.WorstRecency = fold.WorstTicks >= referenceTicks ? 1 : growth > 0 ? Math.Min(1, fold.WorstGrowth * toReference) : Decay(referenceTicks - fold.WorstTicks);
        totals.WorstShare = _worst * totals.WorstRecency;
        totals.MeanShare = _mean + (_worst - totals.WorstShare);
        totals.LatestShare = _latest;
        var value = Math.Clamp(
            (totals.MeanShare * totals.Mean) + (totals.WorstShare * totals.WorstScore) + (totals.LatestShare * totals.LatestScore),
            0,
            100);
        var evidence = toReference * fold.U * Decay(asOf.UtcTicks - referenceTicks);
        var confidence = Math.Clamp(1 - Math.Exp(-evidence / EvidenceScale), 0, 1);
        totals.Summary = new CxScoreSummary(value, confidence, Bands.BandOf(value), fold.Count);
        return totals;
    }

    private double Decay(long ageTicks) => ageTicks <= 0 ? 1 : Math.Exp(-_decayPerTick * ageTicks);

    private CxScore Explain(ReadOnlySpan<Interaction> span, DateTimeOffset asOf, in Totals totals, List<RawComponent> raw)
    {
        if (raw.Count == 0)
        {
            return new CxScore(totals.Summary, asOf, span.Length, UnratedValue, new PeakEndWeights(0, 0, 0), [], [], []);
        }

        var contributions = new ScoreContribution[raw.Count];
        var scorerCount = new int[_scorers.Length];
        var scorerWeight = new double[_scorers.Length];
        var scorerPoints = new double[_scorers.Length];
        for (var j = 0; j < raw.Count; j++)
        {
            var r = raw[j];
            var recency = Decay(totals.ReferenceTicks - span[r.Interaction].Timestamp.UtcTicks);
            var weight = totals.MeanShare * recency * r.W / totals.SumW;
            if (r.Interaction == totals.Worst)
            {
                weight += totals.WorstShare * r.U / totals.WorstWeight;
            }

            if (r.Interaction == totals.Latest)
            {
                weight += totals.LatestShare * r.U / totals.LatestWeight;
            }

            var points = weight * r.Component.Score;
            contributions[j] = new ScoreContribution(r.Interaction, span[r.Interaction].Id, _scorers[r.Scorer].Name, r.Component, weight, points);
            scorerCount[r.Scorer]++;
            scorerWeight[r.Scorer] += weight;
            scorerPoints[r.Scorer] += points;
        }

        var byScorer = new List<ScorerContribution>();
        for (var k = 0; k < _scorers.Length; k++)
        {
            if (scorerCount[k] > 0)
            {
                byScorer.Add(new ScorerContribution(_scorers[k].Name, scorerCount[k], scorerWeight[k], scorerPoints[k]));
            }
        }

        var byInteraction = new List<InteractionContribution>();
        for (var start = 0; start < contributions.Length;)
        {
            var index = contributions[start].InteractionIndex;
            var end = start;
            double weight = 0, points = 0, u = 0, us = 0;
            ScoreComponent best = default, worst = default;
            for (; end < contributions.Length && contributions[end].InteractionIndex == index; end++)
            {
                var c = contributions[end];
                weight += c.Weight;
                points += c.Points;
                u += raw[end].U;
                us += raw[end].U * c.Component.Score;
                if (best.IsEmpty || c.Component.Score > best.Score)
                {
                    best = c.Component;
                }

                if (worst.IsEmpty || c.Component.Score < worst.Score)
                {
                    worst = c.Component;
                }
            }

            var score = us / u;
            var interaction = span[index];
            byInteraction.Add(new InteractionContribution(
                index,
                interaction.Id,
                interaction.Timestamp,
                score,
                weight,
                points,
                score < ScoreComponent.Neutral ? worst.Reason : best.Reason,
                index == totals.Worst,
                index == totals.Latest));
            start = end;
        }

        var shares = new PeakEndWeights(totals.MeanShare, totals.WorstShare, totals.LatestShare);
        return new CxScore(totals.Summary, asOf, span.Length, totals.Mean, shares, contributions, byScorer, byInteraction);
    }

    // The interactions up to asOf as a span: arrays and lists without copying, anything else through a pooled buffer.
    private static ReadOnlySpan<Interaction> AsSpan(IReadOnlyList<Interaction> interactions, DateTimeOffset asOf, out Interaction[]? rented)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        rented = null;
        ReadOnlySpan<Interaction> span;
        if (interactions is Interaction[] array)
        {
            span = array;
        }
        else if (interactions is List<Interaction> list)
        {
            span = CollectionsMarshal.AsSpan(list);
        }
        else
        {
            rented = ArrayPool<Interaction>.Shared.Rent(Math.Max(1, interactions.Count));
            for (var i = 0; i < interactions.Count; i++)
            {
                rented[i] = interactions[i];
            }

            span = rented.AsSpan(0, interactions.Count);
        }

        var count = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var interaction = span[i];
            if (interaction is null)
            {
                Return(rented);
                throw new ArgumentException($"interactions[{i}] is null.", nameof(interactions));
            }

            if (i > 0 && interaction.Timestamp < span[i - 1].Timestamp)
            {
                Return(rented);
                throw new ArgumentException(
                    $"interactions must be in time order, but interactions[{i}] ('{interaction.Id}', {interaction.Timestamp:O}) is before interactions[{i - 1}] ({span[i - 1].Timestamp:O}).",
                    nameof(interactions));
            }

            if (interaction.Timestamp <= asOf)
            {
                count = i + 1;
            }
        }

        return span[..count];
    }

    private static void Return(Interaction[]? rented)
    {
        if (rented is not null)
        {
            ArrayPool<Interaction>.Shared.Return(rented, clearArray: true);
        }
    }

    internal interface IComponentSink
    {
        void Add(int interaction, int scorer, in ScoreComponent component, double u, double w);
    }

    internal struct NoSink : IComponentSink
    {
        public readonly void Add(int interaction, int scorer, in ScoreComponent component, double u, double w)
        {
        }
    }

    private readonly struct CollectingSink(int capacity) : IComponentSink
    {
        public List<RawComponent> Items { get; } = new(capacity);

        public void Add(int interaction, int scorer, in ScoreComponent component, double u, double w) =>
            Items.Add(new RawComponent(interaction, scorer, component, u, w));
    }

    private readonly record struct RawComponent(int Interaction, int Scorer, ScoreComponent Component, double U, double W);

    /// <summary>The sums of one interaction's opinions (one summation order for every path, so results are bit-identical).</summary>
    private struct Sum
    {
        private double _u, _us, _b, _bs;
        private int _count;

        public (double Weight, double Biased) Add(double scorerWeight, in ScoreComponent component, double negativityBias)
        {
            var score = component.Score;
            var weight = scorerWeight * component.Weight;
            var biased = score < ScoreComponent.Neutral ? weight * negativityBias : weight;
            _u += weight;
            _us += weight * score;
            _b += biased;
            _bs += biased * score;
            _count++;
            return (weight, biased);
        }

        public readonly InteractionTally ToTally() => new(_u, _us, _b, _bs, _count);
    }

    /// <summary>The running state of <see cref="Add"/>: recency-weighted sums relative to <see cref="Frame"/>, worst and latest moment.</summary>
    internal struct Fold
    {
        public long Frame;
        public double B;
        public double BS;
        public double U;
        public int Count;
        public int Worst;
        public double WorstScore;
        public long WorstTicks;
        public double WorstWeight;
        public double WorstGrowth; // the worst's growth factor relative to Frame (rescaled with the frame)
        public int Latest;
        public double LatestScore;
        public double LatestWeight;

        public static Fold Empty => new() { Worst = -1, Latest = -1, WorstScore = double.PositiveInfinity };
    }

    internal struct Totals
    {
        public CxScoreSummary Summary;
        public long ReferenceTicks;
        public double LatestGrowth; // the growth factor the latest was folded in with (0: it held no opinion)
        public double SumW;
        public double Mean;
        public int Worst;
        public double WorstScore;
        public double WorstRecency;
        public double WorstWeight;
        public int Latest;
        public double LatestScore;
        public double LatestWeight;
        public double MeanShare;
        public double WorstShare;
        public double LatestShare;
    }
}
