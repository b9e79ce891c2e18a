namespace Heimnetz.Discovery;

/// <summary>Who answered: <c>redis</c> or <c>valkey</c>, its own version, and the <c>run_id</c> of this server instance.</summary>
public sealed record ServerIdentity(string Product, string Version, string? RunId)
{
    /// <summary>
    /// Reads the identity from an <c>INFO server</c> reply. Valkey reports a Redis compatibility version in
    /// <c>redis_version</c>, so its own <c>valkey_version</c> (or <c>server_name:valkey</c>) decides first.
    /// </summary>
    public static ServerIdentity FromInfo(string info)
    {
        ArgumentNullException.ThrowIfNull(info);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in info.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line.StartsWith('#'))
            {
                continue;
            }

            fields.TryAdd(line[..colon], line[(colon + 1)..]);
        }

        var isValkey = fields.ContainsKey("valkey_version")
            || string.Equals(fields.GetValueOrDefault("server_name"), "valkey", StringComparison.OrdinalIgnoreCase);
        var version = isValkey ? fields.GetValueOrDefault("valkey_version") ?? fields.GetValueOrDefault("redis_version") : fields.GetValueOrDefault("redis_version");
        var runId = fields.GetValueOrDefault("run_id");
        return new ServerIdentity(
            isValkey ? "valkey" : "redis",
            DetailText.Sanitize(version ?? "unknown", 32),
            runId is null ? null : DetailText.Sanitize(runId, 64));
    }

    /// <summary>Reads as <c>redis 7.0.15</c>.</summary>
    public override string ToString() => $"{Product} {Version}";
}
