namespace Heimnetz.Diagnostics;

/// <summary>A container port published on the host, as the engine lists it: which container, which image, which ports.</summary>
public sealed record PublishedPort(string Container, string Image, int PublicPort, int PrivatePort, string? HostIp);
