using Microsoft.AspNetCore.Http.HttpResults;

namespace Heimnetz.Sample.Service.Live;

/// <summary><c>GET /live</c>: Server-Sent Events of mode changes (<c>mode</c>) and per-second cache metrics (<c>metrics</c>).</summary>
internal static class LiveEndpoints
{
    public static IEndpointRouteBuilder MapLiveEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/live").WithTags("Live").MapGet("/", Stream);
        return endpoints;
    }

    private static ServerSentEventsResult<object> Stream(LiveFeed feed, IHostApplicationLifetime lifetime, HttpContext http)
    {
        // Ends when the client leaves or the host stops, so graceful shutdown does not wait out open dashboards.
        var ends = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        http.Response.RegisterForDispose(ends);
        return TypedResults.ServerSentEvents(feed.StreamAsync(ends.Token));
    }
}
