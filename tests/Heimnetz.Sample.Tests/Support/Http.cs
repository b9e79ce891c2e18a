using System.Net.Http.Headers;
using System.Text.Json;

namespace Heimnetz.Sample.Tests.Support;

/// <summary>Small request helpers: a bearer token on one request, a problem details body read back.</summary>
internal static class Http
{
    public static HttpRequestMessage Request(HttpMethod method, string path, string? token = null, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    public static HttpContent Bytes(byte[] value) => new ByteArrayContent(value) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream") } };

    /// <summary>The problem details body; fails the test when the response is not <c>application/problem+json</c>.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), $"{(int)response.StatusCode} without problem details");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>Polls <c>/status</c> until the status document's cache mode is <paramref name="mode"/>; fails after a generous bound.</summary>
    public static async Task<JsonElement> WaitForModeAsync(HttpClient client, string mode, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        JsonElement last;
        do
        {
            using var document = JsonDocument.Parse(await client.GetStringAsync("/status"));
            last = document.RootElement.Clone();
            if (last.GetProperty("cache").GetProperty("mode").GetString() == mode)
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        Assert.Fail($"The cache did not reach mode '{mode}'; last status: {last}");
        return last;
    }
}
