namespace Heimnetz.Cli.Fix;

/// <summary>A development Redis fix made: where it listens and its password (which only goes to .env or user secrets).</summary>
internal sealed record DevelopmentRedisInstance(string Id, string Name, string Image, string Host, int Port, string Password, bool Reused)
{
    /// <summary>The URL with the password, for the file the app reads.</summary>
    public string Url => $"redis://:{Password}@{Host}:{Port}";

    /// <summary>The same URL with the password masked, for the console.</summary>
    public string ShownUrl => $"redis://:***@{Host}:{Port}";
}
