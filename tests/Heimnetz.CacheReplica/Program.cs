using Heimnetz.CacheReplica;
using Heimnetz.Caching;

// heimnetz-cache-replica --endpoint 127.0.0.1:<port> --policy WriteBack|Discard
// Hosts one ResilientCache on a loopback redis-server and answers the commands in ReplicaConsole.Usage on stdin/stdout.
const string UsageLine = "usage: Heimnetz.CacheReplica --endpoint <host:port> --policy WriteBack|Discard";

string? endpointText = null;
string? policyText = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--endpoint":
            endpointText = args[i + 1];
            break;
        case "--policy":
            policyText = args[i + 1];
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown option '{args[i]}'; {UsageLine}");
            return 2;
    }
}

if (args.Length % 2 != 0 || endpointText is null || !Enum.TryParse<ReturnPolicy>(policyText, out var policy))
{
    await Console.Error.WriteLineAsync($"--endpoint and --policy are required, the policy WriteBack or Discard (got '{policyText}'); {UsageLine}");
    return 2;
}

var locator = new GatedLocator(new RedisLocation(FixedRedisLocator.ParseEndpoint(endpointText, "--endpoint"), null));
var log = new SettlementLog(Console.Error);
var options = new HeimnetzCacheOptions
{
    ReturnPolicy = policy,
    // Generous, so a busy machine does not fake an outage; the test kills the server, which a replica notices at once
    // (connection reset), and one failure opens the circuit.
    OperationTimeout = TimeSpan.FromSeconds(1),
    HealthProbeInterval = TimeSpan.FromMilliseconds(50),
    HealthProbeTimeout = TimeSpan.FromSeconds(1),
    FailureThreshold = 1,
    RecoveryBaseDelay = TimeSpan.FromMilliseconds(10),
    RecoveryMaxDelay = TimeSpan.FromMilliseconds(50),
};

await using var cache = new ResilientCache(locator, options, TimeProvider.System, log);
var console = new ReplicaConsole(cache, locator, log);
// The first connect's mode change may come before this subscription; answering only once it settled means no later
// call sees the count move, so the count is off by at most one, the same for every call.
console.Watch();
Console.Out.WriteLine(await console.WaitSettledAsync(0));
Console.Out.Flush();
while (await Console.In.ReadLineAsync() is { } line)
{
    string? answer;
    try
    {
        answer = await console.AnswerAsync(line);
    }
#pragma warning disable CA1031 // An exception escaping a cache call is a finding: answer it to the test instead of dying without a word.
    catch (Exception exception)
#pragma warning restore CA1031
    {
        answer = $"error '{line}' threw {exception.GetType().Name}: {exception.Message}";
    }

    if (answer is null)
    {
        break;
    }

    Console.Out.WriteLine(answer);
    Console.Out.Flush();
}

return 0;
