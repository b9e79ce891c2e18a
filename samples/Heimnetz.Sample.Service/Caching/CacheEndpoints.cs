using Heimnetz.Sample.Service.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Options;

namespace Heimnetz.Sample.Service.Caching;

/// <summary><c>/cache/{key}</c>: read, write and delete raw bytes through <see cref="IDistributedCache"/> (the Heimnetz cache).</summary>
internal static class CacheEndpoints
{
    private const string OctetStream = "application/octet-stream";

    public static IEndpointRouteBuilder MapCacheEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // A catch-all, so "a/b" or "..%2F.." reach the key check and get a 400 that says why, not a bare 404.
        var cache = endpoints.MapGroup("/cache").WithTags("Cache");
        cache.MapGet("/{**key}", GetAsync);
        cache.MapPut("/{**key}", PutAsync).RequireAuthorization(SampleSecurity.WritePolicy).RequireRateLimiting(SampleSecurity.WriteRateLimit);
        cache.MapDelete("/{**key}", DeleteAsync).RequireAuthorization(SampleSecurity.WritePolicy).RequireRateLimiting(SampleSecurity.WriteRateLimit);
        return endpoints;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(string? key, IDistributedCache cache, CancellationToken cancellationToken)
    {
        if (CacheKey.Problem(key) is { } problem)
        {
            return BadKey(problem);
        }

        var value = await cache.GetAsync(key!, cancellationToken).ConfigureAwait(false);
        return value is null
            ? TypedResults.Problem($"No value is stored under '{key}'.", statusCode: StatusCodes.Status404NotFound, title: "Not found")
            : TypedResults.File(value, OctetStream);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> PutAsync(
        string? key, HttpRequest request, IDistributedCache cache, IOptions<SampleOptions> options, CancellationToken cancellationToken)
    {
        if (CacheKey.Problem(key) is { } problem)
        {
            return BadKey(problem);
        }

        var limit = options.Value.MaxValueBytes;
        if (request.ContentLength > limit)
        {
            return TooLarge(request.ContentLength.Value, limit);
        }

        var value = await ReadAtMostAsync(request.Body, limit, cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            return TooLarge(null, limit);
        }

        if (value.Length == 0)
        {
            return TypedResults.Problem("The body is empty; expected 1 or more bytes (DELETE removes a value).", statusCode: StatusCodes.Status400BadRequest, title: "Empty value");
        }

        await cache.SetAsync(key!, value, new DistributedCacheEntryOptions { SlidingExpiration = options.Value.ValueSlidingExpiration }, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string? key, IDistributedCache cache, CancellationToken cancellationToken)
    {
        if (CacheKey.Problem(key) is { } problem)
        {
            return BadKey(problem);
        }

        await cache.RemoveAsync(key!, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (a chunked body has no length to check first).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ProblemHttpResult BadKey(string problem) =>
        TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "Invalid cache key");

    private static ProblemHttpResult TooLarge(long? length, int limit) =>
        TypedResults.Problem(
            length is { } known ? $"The body is {known} bytes; expected at most {limit}." : $"The body is longer than {limit} bytes; expected at most {limit}.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Value too large");
}
