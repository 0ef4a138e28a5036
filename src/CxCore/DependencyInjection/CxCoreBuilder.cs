using Microsoft.Extensions.DependencyInjection;

namespace CxCore.DependencyInjection;

internal sealed class CxCoreBuilder(IServiceCollection services) : ICxCoreBuilder
{
    public IServiceCollection Services { get; } = services;
}
