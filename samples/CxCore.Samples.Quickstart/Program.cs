// CxCore quickstart: a generic host that registers CxCore, records one customer's omnichannel journey through the
// engine (journey-stage machine + scoring), and prints the stage history with time in each stage and the explained score.
using CxCore.DependencyInjection;
using CxCore.Samples.Quickstart;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.Configure<CxCoreOptions>(builder.Configuration.GetSection(CxCoreOptions.SectionName));
builder.Services.AddCxCore();
builder.Services.AddSingleton<QuickstartReport>();

using var host = builder.Build();
await host.StartAsync();
await host.Services.GetRequiredService<QuickstartReport>().WriteAsync(Console.Out);
await host.StopAsync();
