using Heimnetz.Telemetry;
using OpenTelemetry.Metrics;

namespace Heimnetz.Sample.Service;

/// <summary>OpenTelemetry: the Heimnetz cache's instruments and ASP.NET Core's own meters, scraped at <c>/metrics</c>.</summary>
internal static class SampleTelemetry
{
    public static IServiceCollection AddSampleTelemetry(this IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(HeimnetzTelemetry.MeterName)
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.RateLimiting", "Microsoft.AspNetCore.Authentication")
            .AddPrometheusExporter());
        return services;
    }

    public static IEndpointRouteBuilder MapSampleHealthChecks(this IEndpointRouteBuilder endpoints)
    {
        // Live: the process answers. Ready: the Heimnetz check (Healthy on Redis, Degraded on memory - still serving).
        endpoints.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        endpoints.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return endpoints;
    }
}
