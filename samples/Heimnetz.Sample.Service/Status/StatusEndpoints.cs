using Microsoft.AspNetCore.Http.HttpResults;

namespace Heimnetz.Sample.Service.Status;

/// <summary><c>GET /status</c>: the service's view of its network and cache.</summary>
internal static class StatusEndpoints
{
    public static IEndpointRouteBuilder MapStatusEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/status").WithTags("Status").MapGet("/", (StatusService status) => Current(status));
        return endpoints;
    }

    private static Ok<StatusDocument> Current(StatusService status) => TypedResults.Ok(status.Current());
}
