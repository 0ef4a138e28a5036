// CxCore in an ASP.NET Core minimal API: record interactions in the canonical event format (one or a batch),
// read a customer's journey with its explained score, erase a customer, and a health endpoint.
using CxCore.DependencyInjection;
using CxCore.Samples.WebApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.Configure<CxCoreOptions>(builder.Configuration.GetSection(CxCoreOptions.SectionName));
builder.Services.AddCxCore();
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapInteractionEndpoints();
app.MapHealthChecks("/health");
app.Run();
