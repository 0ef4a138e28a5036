using System.Globalization;

namespace CxCore.Scoring;

/// <summary>
/// Describes a <see cref="ScoringPipeline"/>: its scorers and their weights, the recency half-life, the negativity
/// bias, the peak–end blend, the evidence scale of the confidence and the band thresholds. Setters only record;
/// <see cref="Build"/> validates everything once and reports every problem in one exception.
/// </summary>
/// <example>
/// <code>
/// var pipeline = ScoringPipelineBuilder.CreateDefault()
///     .AddScorer(new MyLoyaltyScorer(), weight: 0.5)
///     .WithScorerWeight(BuiltInScorers.Sentiment, 0.5)
///     .WithRecencyHalfLife(TimeSpan.FromDays(60))
///     .WithNegativityBias(2.5)
///     .WithPeakEnd(new PeakEndWeights(Mean: 0.5, Worst: 0.3, Latest: 0.2))
///     .Build();
/// </code>
/// </example>
public sealed class ScoringPipelineBuilder
{
    /// <summary>The default recency half-life: 90 days.</summary>
    public static readonly TimeSpan DefaultRecencyHalfLife = TimeSpan.FromDays(90);

    /// <summary>The default negativity bias: a negative opinion counts twice.</summary>
    public const double DefaultNegativityBias = 2;

    /// <summary>The default evidence scale: 3 (three fresh survey answers give a confidence of 0.63).</summary>
    public const double DefaultEvidenceScale = 3;

    private static readonly TimeSpan MaxHalfLife = TimeSpan.FromDays(36_600);
    private readonly List<(IInteractionScorer Scorer, double Weight)> _scorers = [];

    /// <summary>Creates a builder with no scorers and default settings; see <see cref="CreateDefault"/> for one with the built-in scorers.</summary>
    public ScoringPipelineBuilder()
    {
    }

    /// <summary>The recency half-life (default <see cref="DefaultRecencyHalfLife"/>).</summary>
    public TimeSpan RecencyHalfLife { get; private set; } = DefaultRecencyHalfLife;

    /// <summary>The negativity bias (default <see cref="DefaultNegativityBias"/>).</summary>
    public double NegativityBias { get; private set; } = DefaultNegativityBias;

    /// <summary>The peak–end blend (default <see cref="PeakEndWeights.Default"/>).</summary>
    public PeakEndWeights PeakEnd { get; private set; } = PeakEndWeights.Default;

    /// <summary>The evidence scale of the confidence (default <see cref="DefaultEvidenceScale"/>).</summary>
    public double EvidenceScale { get; private set; } = DefaultEvidenceScale;

    /// <summary>The band thresholds (default <see cref="BandThresholds.Default"/>).</summary>
    public BandThresholds Bands { get; private set; } = BandThresholds.Default;

    /// <summary>Creates a builder with the built-in scorers (<see cref="BuiltInScorers.Create"/>), each with weight 1, and default settings.</summary>
    /// <returns>The builder.</returns>
    public static ScoringPipelineBuilder CreateDefault() => new ScoringPipelineBuilder().AddBuiltInScorers();

    /// <summary>Adds the built-in scorers with weight 1, replacing any scorer of the same name.</summary>
    /// <returns>This builder.</returns>
    public ScoringPipelineBuilder AddBuiltInScorers()
    {
        foreach (var scorer in BuiltInScorers.Create())
        {
            AddScorer(scorer);
        }

        return this;
    }

    /// <summary>
    /// Adds a scorer. A scorer with the same <see cref="IInteractionScorer.Name"/> is replaced in place (so a host can
    /// swap a built-in for its own); its weight is kept unless <paramref name="weight"/> is given.
    /// </summary>
    /// <param name="scorer">The scorer.</param>
    /// <param name="weight">Its weight relative to the other scorers (checked by <see cref="Build"/>: finite, at least 0); 0 disables it. Default 1.</param>
    /// <returns>This builder.</returns>
    public ScoringPipelineBuilder AddScorer(IInteractionScorer scorer, double? weight = null)
    {
        ArgumentNullException.ThrowIfNull(scorer);
        var index = IndexOf(scorer.Name);
        if (index >= 0)
        {
            _scorers[index] = (scorer, weight ?? _scorers[index].Weight);
        }
        else
        {
            _scorers.Add((scorer, weight ?? 1));
        }

        return this;
    }

    /// <summary>Removes the scorer of that name; does nothing when there is none.</summary>
    /// <param name="name">The scorer's name.</param>
    /// <returns>This builder.</returns>
    public ScoringPipelineBuilder RemoveScorer(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = IndexOf(name);
        if (index >= 0)
        {
            _scorers.RemoveAt(index);
        }

        return this;
    }

    /// <summary>Sets the weight of a scorer already added.</summary>
    /// <param name="name">The scorer's name.</param>
    /// <param name="weight">Its weight relative to the other scorers (checked by <see cref="Build"/>: finite, at least 0); 0 disables it.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">No scorer of that name has been added.</exception>
    public ScoringPipelineBuilder WithScorerWeight(string name, double weight)
    {
        ArgumentNullException.ThrowIfNull(name);
        var index = IndexOf(name);
        if (index < 0)
        {
            throw new ArgumentException(
                $"No scorer named '{name}' has been added; add it first. Scorers: {(_scorers.Count == 0 ? "(none)" : string.Join(", ", _scorers.Select(s => s.Scorer.Name)))}.",
                nameof(name));
        }

        _scorers[index] = (_scorers[index].Scorer, weight);
        return this;
    }

    /// <summary>Sets the age, measured back from the customer's latest interaction, at which an opinion counts half (checked by <see cref="Build"/>: positive, at most 100 years).</summary>
    /// <param name="halfLife">The half-life; default 90 days.</param>
    /// <returns>This builder.</returns>
    public ScoringPipelineBuilder WithRecencyHalfLife(TimeSpan halfLife)
    {
        RecencyHalfLife = halfLife;
        return this;
    }

    /// <summary>Sets how many times a negative opinion (score below 50) counts in the mean (checked by <see cref="Build"/>: finite, at least 1).</summary>
    /// <param name="factor">The factor; default 2; 1 turns the bias off.</param>
    /// <returns>This builder.</returns>
    public ScoringPipelineBuilder WithNegativityBias(double factor)
    {
        NegativityBias = factor;
        return this;
    }

    /// <summary>Sets the blend of mean, worst moment and latest moment (checked by <see cref="Build"/>).</summary>
    /// <param name="weights">The weights; <see cref="PeakEndWeights.MeanOnly"/> turns peak–end off.</param>
    /// <returns>This builder.</returns>
    public ScoringPipelineBuilder WithPeakEnd(PeakEndWeights weights)
    {
        PeakEnd = weights;
        return this;
    }

    /// <summary>Sets the amount of fresh evidence (sum of opinion weights) at which confidence reaches 0.63 (checked by <see cref="Build"/>: finite, positive).</summary>
    /// <param name="scale">The scale; default 3.</param>
    /// <returns>This builder.</returns>
    public ScoringPipelineBuilder WithEvidenceScale(double scale)
    {
        EvidenceScale = scale;
        return this;
    }

    /// <summary>Sets the band thresholds (checked by <see cref="Build"/>).</summary>
    /// <param name="thresholds">The thresholds.</param>
    /// <returns>This builder.</returns>
    public ScoringPipelineBuilder WithBands(BandThresholds thresholds)
    {
        Bands = thresholds;
        return this;
    }

    /// <summary>Validates the configuration and builds the pipeline.</summary>
    /// <returns>The immutable, thread-safe pipeline.</returns>
    /// <exception cref="ScoringConfigurationException">The configuration is invalid; <see cref="ScoringConfigurationException.Errors"/> lists every problem.</exception>
    public ScoringPipeline Build()
    {
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ScoringConfigurationException(errors);
        }

        return new ScoringPipeline(
            [.. _scorers.Select(s => s.Scorer)],
            [.. _scorers.Select(s => s.Weight)],
            RecencyHalfLife,
            NegativityBias,
            PeakEnd,
            EvidenceScale,
            Bands);
    }

    /// <summary>Every problem with the configuration, one sentence each; empty when <see cref="Build"/> would succeed.</summary>
    /// <returns>The problems.</returns>
    internal List<string> Validate()
    {
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var total = 0.0;
        foreach (var (scorer, weight) in _scorers)
        {
            var name = scorer.Name;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add($"Scorer {scorer.GetType().Name} has a blank Name; expected a short lower-case token such as 'csat'.");
            }
            else if (!names.Add(name))
            {
                errors.Add($"Two scorers are named '{name}'; scorer names must be unique.");
            }

            if (!double.IsFinite(weight) || weight < 0)
            {
                errors.Add($"Scorer '{name}' has weight {Format(weight)}; expected a finite number of at least 0 (0 disables it).");
            }
            else
            {
                total += weight;
            }
        }

        if (_scorers.Count == 0)
        {
            errors.Add("The pipeline has no scorers; add at least one (AddBuiltInScorers() adds csat, nps, effort, outcome, sentiment and health).");
        }
        else if (total <= 0 && errors.Count == 0)
        {
            errors.Add($"The total scorer weight is 0 ({string.Join(", ", _scorers.Select(s => $"{s.Scorer.Name}={Format(s.Weight)}"))}); give at least one scorer a positive weight.");
        }

        if (RecencyHalfLife <= TimeSpan.Zero || RecencyHalfLife > MaxHalfLife)
        {
            errors.Add($"RecencyHalfLife must be positive and at most {MaxHalfLife.TotalDays:0} days (e.g. 90 days), but was {RecencyHalfLife.ToString("c", CultureInfo.InvariantCulture)}.");
        }

        if (!double.IsFinite(NegativityBias) || NegativityBias < 1)
        {
            errors.Add($"NegativityBias must be a finite number of at least 1 (1 = no bias, 2 = a negative opinion counts twice), but was {Format(NegativityBias)}.");
        }

        PeakEnd.Validate(errors);
        if (!double.IsFinite(EvidenceScale) || EvidenceScale <= 0)
        {
            errors.Add($"EvidenceScale must be a finite positive number (default 3), but was {Format(EvidenceScale)}.");
        }

        Bands.Validate(errors);
        return errors;
    }

    private int IndexOf(string name) => _scorers.FindIndex(s => string.Equals(s.Scorer.Name, name, StringComparison.Ordinal));

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
