using CxCore.Domain;
using CxCore.Engine;
using CxCore.Storage;
using CxCore.Journeys;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CxCore.DependencyInjection;

/// <summary>Registers CxCore in an <see cref="IServiceCollection"/>.</summary>
public static class CxCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers CxCore with its defaults: the default journey, the default classifier, the well-known channels, and
    /// options validated when the host starts. Every service is added with <c>TryAdd</c>, so a host can register its
    /// own first; calling this twice registers nothing twice.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to customise CxCore.</returns>
    /// <example><code>builder.Services.AddCxCore();</code></example>
    public static ICxCoreBuilder AddCxCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // ValidateOnStart adds a registration on every call, so it runs only the first time.
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<CxCoreOptions>) && d.ImplementationType == typeof(CxCoreOptionsValidator)))
        {
            services.AddOptions<CxCoreOptions>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CxCoreOptions>, CxCoreOptionsValidator>());
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CxCoreComposition.BuildChannels(Options(sp)));
        services.TryAddSingleton(sp => CxCoreComposition.BuildJourney(Options(sp)));
        services.TryAddSingleton<IInteractionClassifier>(sp => CxCoreComposition.BuildClassifier(Options(sp)));
        services.TryAddSingleton(sp => new JourneyProjector(sp.GetRequiredService<JourneyDefinition>(), sp.GetRequiredService<IInteractionClassifier>()));
        services.AddCxCoreScoring();
        services.TryAddSingleton<IJourneyStore, InMemoryJourneyStore>();
        services.TryAddSingleton<CxEngine>();
        services.TryAddSingleton<ICxEngine>(sp => sp.GetRequiredService<CxEngine>());
        return new CxCoreBuilder(services);
    }

    /// <summary>Registers CxCore (see <see cref="AddCxCore(IServiceCollection)"/>) and customises it.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Customises CxCore, e.g. <c>cx => cx.ConfigureJourney(…)</c>.</param>
    /// <returns>The builder.</returns>
    /// <example><code>builder.Services.AddCxCore(cx => cx.AddChannel(new Channel("kiosk"), ServiceMode.SelfService));</code></example>
    public static ICxCoreBuilder AddCxCore(this IServiceCollection services, Action<ICxCoreBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddCxCore();
        configure(builder);
        return builder;
    }

    // Reading Value runs the validators, so a service resolved before start still gets a clear message.
    private static CxCoreOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<CxCoreOptions>>().Value;
}
