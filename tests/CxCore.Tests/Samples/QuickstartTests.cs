using CxCore.DependencyInjection;
using CxCore.Samples.Quickstart;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CxCore.Tests.Samples;

/// <summary>The quickstart, composed the way its Program composes it, prints the journey a CX analyst expects.</summary>
public sealed class QuickstartTests
{
    private static async Task<string> RunQuickstart()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Services.Configure<CxCoreOptions>(builder.Configuration.GetSection(CxCoreOptions.SectionName));
        builder.Services.AddCxCore();
        builder.Services.AddSingleton<QuickstartReport>();

        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        using var output = new StringWriter();
        await host.Services.GetRequiredService<QuickstartReport>().WriteAsync(output, TestContext.Current.CancellationToken);
        await host.StopAsync(TestContext.Current.CancellationToken);
        return output.ToString();
    }

    private static string[] Section(string report, string heading) =>
        [.. report.Split(Environment.NewLine).SkipWhile(line => line != heading).Skip(1).TakeWhile(line => line.Length > 0)];

    [Fact]
    public async Task The_report_prints_the_stage_history_from_Awareness_through_Advocacy_to_Dormant_and_Churned()
    {
        var report = await RunQuickstart();

        var history = Section(report, "Stage history:").Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();

        Assert.Equal(
            ["Awareness", "Discovery", "Consideration", "Engagement", "Purchase", "Use", "Support", "Use", "Advocacy", "Dormant", "Churned"],
            history.Select(tokens => tokens[2]));
        Assert.EndsWith("via journey start", string.Join(' ', history[0]), StringComparison.Ordinal);
        Assert.EndsWith("via SupportRequested (e-007)", string.Join(' ', history[6]), StringComparison.Ordinal);
        Assert.Equal(["2024-06-21", "09:00", "Dormant", "180.0", "days", "via", "inactivity", "timeout"], history[9]);
        Assert.Equal(["2024-12-18", "09:00", "Churned", "108.0", "days", "via", "inactivity", "timeout"], history[10]);
    }

    [Fact]
    public async Task The_report_lists_every_interaction_and_ends_with_the_current_stage_and_the_Mermaid_diagram()
    {
        var report = await RunQuickstart();

        Assert.StartsWith("Journey of customer c-42 (9 interactions, journey 'cx-default'), as of 2025-04-05", report, StringComparison.Ordinal);
        Assert.Equal(9, Section(report, "Interactions:").Length);
        Assert.Contains("Current stage: Churned since 2024-12-18", report, StringComparison.Ordinal);
        Assert.Contains("stateDiagram-v2", report, StringComparison.Ordinal);
        Assert.Matches(@"Experience score:\r?\nScore \d+ \((Detractor|AtRisk|Neutral|Satisfied|Delighted), confidence 0\.\d+\) from \d+ opinions on 9 interactions", report);
        Assert.Contains("    Purchase --> Use : Delivered", report, StringComparison.Ordinal);
    }
}
