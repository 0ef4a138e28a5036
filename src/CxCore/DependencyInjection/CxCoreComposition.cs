using CxCore.Domain;
using CxCore.Journeys;

namespace CxCore.DependencyInjection;

/// <summary>Turns validated options into the services they describe; shared by the factories and the validator.</summary>
internal static class CxCoreComposition
{
    public static JourneyDefinition BuildJourney(CxCoreOptions options)
    {
        if (options.Journey is { } journey)
        {
            // A built definition cannot be extended; ignoring the customisations (or the journey) would be a silent surprise.
            return options.JourneyCustomizations.Count == 0
                ? journey
                : throw new JourneyDefinitionException(journey.Name, [
                    "ConfigureJourney cannot extend the journey given to UseJourney, which is already built; declare those stages and transitions on its builder instead."]);
        }

        var builder = DefaultJourney.CreateBuilder(options.DormantAfter, options.ChurnedAfter);
        foreach (var customize in options.JourneyCustomizations)
        {
            customize(builder);
        }

        return builder.Build();
    }

    public static InteractionClassifier BuildClassifier(CxCoreOptions options)
    {
        var classifier = InteractionClassifier.Default;
        foreach (var (kind, trigger) in options.KindTriggers)
        {
            classifier = classifier.With(kind, new JourneyTrigger(trigger));
        }

        foreach (var customize in options.ClassifierCustomizations)
        {
            classifier = customize(classifier) ?? throw new InvalidOperationException("A classifier customisation returned null.");
        }

        return classifier;
    }

    public static ChannelRegistry BuildChannels(CxCoreOptions options)
    {
        var registry = ChannelRegistry.WellKnown;
        foreach (var (name, mode) in options.Channels)
        {
            registry = registry.With(new Channel(name), mode);
        }

        return registry;
    }
}
