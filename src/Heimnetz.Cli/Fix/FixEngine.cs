using Docker.DotNet;
using Heimnetz.Cli.Commands;
using Microsoft.Extensions.Configuration;

namespace Heimnetz.Cli.Fix;

/// <summary>The engine fix talks to (<c>DOCKER_HOST</c>, else the local socket), and whether it runs on another machine.</summary>
internal sealed record FixEngine(Uri Endpoint)
{
    public static FixEngine From(IConfiguration configuration)
    {
        var value = configuration[DockerEngineProbe.DockerHostKey] is { } set && !string.IsNullOrWhiteSpace(set) ? set.Trim() : DockerEngineProbe.DefaultEndpoint;
        return Uri.TryCreate(value, UriKind.Absolute, out var endpoint)
            ? new FixEngine(endpoint)
            : throw new FixException($"{DockerEngineProbe.DockerHostKey} is not a URI; expected unix:///path/to/docker.sock or tcp://host:port.");
    }

    /// <summary>True for an engine reached over the network: its containers and ports are on another machine.</summary>
    public bool IsRemote => Endpoint.Scheme is not ("unix" or "npipe");

    /// <summary>Where a port the engine publishes is reached from here.</summary>
    public string Host => IsRemote ? Endpoint.Host : "127.0.0.1";

    /// <summary>The endpoint without credentials, for messages.</summary>
    public string Shown => string.IsNullOrEmpty(Endpoint.UserInfo) ? Endpoint.ToString() : new UriBuilder(Endpoint) { UserName = string.Empty, Password = string.Empty }.Uri.ToString();

    public DockerClient Connect() => new DockerClientBuilder().WithEndpoint(Endpoint).WithTimeout(TimeSpan.FromSeconds(30)).Build();
}
