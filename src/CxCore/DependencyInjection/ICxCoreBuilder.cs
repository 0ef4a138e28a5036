using Microsoft.Extensions.DependencyInjection;

namespace CxCore.DependencyInjection;

/// <summary>
/// Returned by <see cref="CxCoreServiceCollectionExtensions.AddCxCore(IServiceCollection)"/> to customise CxCore.
/// Extension methods on this interface (here and in other CxCore packages) add journeys, scorers and stores.
/// </summary>
public interface ICxCoreBuilder
{
    /// <summary>The service collection CxCore is registered in.</summary>
    IServiceCollection Services { get; }
}
