using Heimnetz.Harness.Fixtures.Images;
using Heimnetz.Harness.Fixtures.Topology;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>What a Redis node is: which server flavour, how it is wired, how it is protected, and whether it is published on the host.</summary>
public sealed record RedisNodeSpec(LogicalImage Image, Attachment Attachment)
{
    /// <summary>The default user's password (<c>requirepass</c>); null for an open server.</summary>
    public string? Password { get; init; }

    /// <summary>An ACL user with full rights, as (user, password).</summary>
    public (string User, string Password)? AclUser { get; init; }

    /// <summary>A fixed host port to publish 6379 on, as <c>docker run -p PORT:6379</c> would.</summary>
    public int? HostPort { get; init; }

    // Written as server arguments; the offline and official images both pass "-..." arguments to the server.
    internal IReadOnlyList<string> ServerArguments()
    {
        var arguments = new List<string>();
        if (Password is not null)
        {
            arguments.AddRange(["--requirepass", Password]);
        }

        if (AclUser is { } acl)
        {
            arguments.AddRange(["--user", acl.User, "on", ">" + acl.Password, "~*", "&*", "+@all"]);
        }

        return arguments;
    }
}
