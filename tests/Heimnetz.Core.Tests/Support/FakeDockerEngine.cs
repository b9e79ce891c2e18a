using System.Net;
using System.Text;
using Heimnetz.Harness.Fixtures.LocalRedis;

namespace Heimnetz.Tests.Support;

/// <summary>
/// A Docker engine API stand-in on 127.0.0.1 and a free port: answers <c>/version</c> and <c>/containers/json</c> with
/// the given JSON over plain HTTP, and records the path of every request it received.
/// </summary>
public sealed class FakeDockerEngine : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly string versionJson;
    private readonly string containersJson;
    private readonly List<string> requests = [];
    private readonly Task serving;

    private FakeDockerEngine(string versionJson, string containersJson)
    {
        this.versionJson = versionJson;
        this.containersJson = containersJson;
        DockerHost = $"tcp://127.0.0.1:{RedisServerProcess.FreeLoopbackPort()}";
        listener.Prefixes.Add(DockerHost.Replace("tcp://", "http://", StringComparison.Ordinal) + "/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    /// <summary>The engine's address as a <c>DOCKER_HOST</c> value.</summary>
    public string DockerHost { get; }

    /// <summary>The paths requested so far (<c>/v1.x/version</c>).</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public static FakeDockerEngine Start(string versionJson, string containersJson) => new(versionJson, containersJson);

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        await serving;
        listener.Close();
    }

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url?.AbsolutePath ?? string.Empty;
            lock (requests)
            {
                requests.Add(path);
            }

            var (status, body) = path switch
            {
                _ when path.EndsWith("/version", StringComparison.Ordinal) => (200, versionJson),
                _ when path.EndsWith("/containers/json", StringComparison.Ordinal) => (200, containersJson),
                _ => (404, """{"message":"page not found"}"""),
            };
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
