using System.Diagnostics.CodeAnalysis;
using CxCore.Domain;
using CxCore.Engine;
using CxCore.Journeys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CxCore.DependencyInjection;

/// <summary>Customisations of CxCore's core services.</summary>
public static class CxCoreBuilderExtensions
{
    /// <summary>Configures <see cref="CxCoreOptions"/> in code (applied after configuration binding registered earlier).</summary>
    /// <param name="builder">The CxCore builder.</param>
    /// <param name="configure">Sets options.</param>
    /// <returns>The builder.</returns>
    public static ICxCoreBuilder Configure(this ICxCoreBuilder builder, Action<CxCoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Extends the journey: <paramref name="configure"/> receives a builder pre-filled with the default journey (with
    /// the configured timeouts) and may add stages, transitions, guards and timeouts. Validated at start. A journey given
    /// to <see cref="UseJourney"/> is already built and cannot be extended: calling this after it fails at start.
    /// </summary>
    /// <param name="builder">The CxCore builder.</param>
    /// <param name="configure">Adds to the journey.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddCxCore(cx => cx.ConfigureJourney(journey => journey
    ///     .Stage(onboarding)
    ///     .From(JourneyStage.Purchase).On(new JourneyTrigger("Onboarded")).To(onboarding)
    ///     .From(onboarding).On(JourneyTrigger.Delivered).To(JourneyStage.Use)));
    /// </code>
    /// </example>
    public static ICxCoreBuilder ConfigureJourney(this ICxCoreBuilder builder, Action<JourneyDefinitionBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure<CxCoreOptions>(o => o.JourneyCustomizations.Add(configure));
        return builder;
    }

    /// <summary>Replaces the default journey with <paramref name="journey"/> (then <c>DormantAfter</c>/<c>ChurnedAfter</c> do not apply).</summary>
    /// <param name="builder">The CxCore builder.</param>
    /// <param name="journey">A built definition.</param>
    /// <returns>The builder.</returns>
    public static ICxCoreBuilder UseJourney(this ICxCoreBuilder builder, JourneyDefinition journey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(journey);
        builder.Services.Configure<CxCoreOptions>(o =>
        {
            o.Journey = journey;
            o.JourneyCustomizations.Clear();
        });
        return builder;
    }

    /// <summary>Adjusts the interaction classifier, e.g. <c>c => c.With("trial_start", trigger)</c>.</summary>
    /// <param name="builder">The CxCore builder.</param>
    /// <param name="configure">Returns the classifier to use, given the current one.</param>
    /// <returns>The builder.</returns>
    public static ICxCoreBuilder ConfigureClassifier(this ICxCoreBuilder builder, Func<InteractionClassifier, InteractionClassifier> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure<CxCoreOptions>(o => o.ClassifierCustomizations.Add(configure));
        return builder;
    }

    /// <summary>Accepts an extra channel, with the service mode it has by default.</summary>
    /// <param name="builder">The CxCore builder.</param>
    /// <param name="channel">The channel, e.g. <c>new Channel("kiosk")</c>.</param>
    /// <param name="defaultMode">Who serves customers there unless a touchpoint says otherwise.</param>
    /// <returns>The builder.</returns>
    public static ICxCoreBuilder AddChannel(this ICxCoreBuilder builder, Channel channel, ServiceMode defaultMode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var name = channel.EnsureNotEmpty(nameof(channel)).Name;
        builder.Services.Configure<CxCoreOptions>(o => o.Channels[name] = defaultMode);
        return builder;
    }

    /// <summary>Adds an observer of stage and score-band changes (the closed loop). Adding the same type twice adds it once.</summary>
    /// <typeparam name="TObserver">The observer type, resolved from the container as a singleton.</typeparam>
    /// <param name="builder">The CxCore builder.</param>
    /// <returns>The builder.</returns>
    public static ICxCoreBuilder AddObserver<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TObserver>(this ICxCoreBuilder builder)
        where TObserver : class, IJourneyObserver
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IJourneyObserver, TObserver>());
        return builder;
    }
}
