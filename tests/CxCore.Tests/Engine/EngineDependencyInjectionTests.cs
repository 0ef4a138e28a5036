using CxCore.DependencyInjection;
using CxCore.Engine;
using CxCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static CxCore.Tests.Engine.EngineTestKit;

namespace CxCore.Tests.Engine;

/// <summary>What AddCxCore registers for the engine, and how a host replaces the store.</summary>
public sealed class EngineDependencyInjectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddCxCore_resolves_ICxEngine_as_the_CxEngine_singleton_over_the_in_memory_store()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCxCore();
        using var host = builder.Build();
        await host.StartAsync(Ct);

        var engine = host.Services.GetRequiredService<ICxEngine>();

        Assert.Same(host.Services.GetRequiredService<CxEngine>(), engine);
        Assert.Same(engine, host.Services.GetRequiredService<ICxEngine>());
        var store = Assert.IsType<InMemoryJourneyStore>(host.Services.GetRequiredService<IJourneyStore>());
        await engine.RecordAllAsync(HappyPath("c-1"));
        Assert.Equal(1, store.CustomerCount);
        await host.StopAsync(Ct);
    }

    [Theory]
    [InlineData(typeof(ICxEngine))]
    [InlineData(typeof(CxEngine))]
    [InlineData(typeof(IJourneyStore))]
    public void AddCxCore_registers_the_engine_services_once_as_singletons(Type serviceType)
    {
        var services = new ServiceCollection();
        services.AddCxCore();
        services.AddCxCore();

        Assert.Equal(ServiceLifetime.Singleton, Assert.Single(services, d => d.ServiceType == serviceType).Lifetime);
    }

    [Fact]
    public async Task A_store_the_host_registers_before_AddCxCore_wins()
    {
        var mine = new InMemoryJourneyStore();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton<IJourneyStore>(mine);
        builder.Services.AddCxCore();
        using var host = builder.Build();
        await host.StartAsync(Ct);

        await host.Services.GetRequiredService<ICxEngine>().RecordAllAsync(HappyPath("c-1"));

        Assert.Same(mine, host.Services.GetRequiredService<IJourneyStore>());
        Assert.Equal(5, (await mine.GetInteractionsAsync(Id("c-1"), Ct)).Count);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task The_hosted_engine_uses_the_configured_journey_options()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddCxCore(cx => cx.Configure(o => o.DormantAfter = TimeSpan.FromDays(10)));
        using var host = builder.Build();
        await host.StartAsync(Ct);
        var engine = host.Services.GetRequiredService<ICxEngine>();

        await engine.RecordAllAsync(HappyPath("c-1"));

        Assert.Equal(CxCore.Domain.JourneyStage.Dormant, (await engine.GetJourneyAsync(Id("c-1"), TestData.T0.AddDays(20), Ct))!.CurrentStage);
        await host.StopAsync(Ct);
    }
}
