using Heimnetz.Sample.Service;
using Heimnetz.Sample.Service.Caching;
using Heimnetz.Sample.Service.Live;
using Heimnetz.Sample.Service.Security;
using Heimnetz.Sample.Service.Status;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddOptions<SampleOptions>().Bind(builder.Configuration.GetSection(SampleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddProblemDetails();
builder.Services.AddHeimnetzCache(builder.Configuration);
builder.Services.AddHealthChecks().AddHeimnetzCache(tags: ["ready"]);
builder.Services.AddSampleTelemetry();
builder.Services.AddSampleSecurity();
builder.Services.AddSingleton<StatusService>();
builder.Services.AddSingleton<LiveFeed>();
builder.Services.AddHostedService(provider => provider.GetRequiredService<LiveFeed>());
// Stopping waits this long for in-flight requests; live streams end at once on ApplicationStopping.
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(10));

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapStatusEndpoints();
app.MapCacheEndpoints();
app.MapLiveEndpoints();
app.MapSampleHealthChecks();
app.MapPrometheusScrapingEndpoint();

app.Run();

/// <summary>The entry point, visible to the tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
