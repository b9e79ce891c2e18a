using System.Globalization;
using System.Net;
using Heimnetz.EnvironmentDetection.Parsing;

namespace Heimnetz.EnvironmentDetection;

/// <summary>
/// Reads the network view. Outside a container the mode is <c>host</c>: the process runs in the host's namespace.
/// A container that sees the host's bridges (<c>docker0</c>, <c>br-*</c>, <c>veth*</c>, CNI devices) shares the host's namespace too.
/// </summary>
internal static class NetworkInspector
{
    private const string Signal = "network";

    private static readonly string[] HostOnlyPrefixes = ["docker0", "br-", "veth", "cni", "virbr", "podman", "lxcbr", "lxdbr", "cali", "flannel", "cilium_", "kube-ipvs", "weave"];

    public static NetworkView Inspect(DetectionInput input, ContainerKind container, ICollection<Evidence> evidence)
    {
        var gateway = DefaultGateway(input, evidence);
        var view = new NetworkView(
            Mode(input, container, gateway, evidence),
            gateway,
            Addresses(input),
            HostsParser.Aliases(input.Text(SysrootFiles.Hosts)),
            ResolvConfParser.Nameservers(input.Text(SysrootFiles.ResolvConf)));
        return view;
    }

    private static NetworkMode Mode(DetectionInput input, ContainerKind container, string? gateway, ICollection<Evidence> evidence)
    {
        var interfaces = input.Interfaces;
        if (interfaces.Count == 0)
        {
            evidence.Add(new Evidence(Signal, SysrootFiles.Dev, "no interfaces could be read → unknown"));
            return NetworkMode.Unknown;
        }

        var others = interfaces.Where(name => name != "lo").ToList();
        if (others.Count == 0)
        {
            evidence.Add(new Evidence(Signal, SysrootFiles.Dev, "only lo → none"));
            return NetworkMode.None;
        }

        if (container == ContainerKind.None)
        {
            evidence.Add(new Evidence(Signal, SysrootFiles.Dev, $"not in a container, so the host's namespace ({string.Join(", ", others)}) → host"));
            return NetworkMode.Host;
        }

        var hostOnly = others.Where(name => HostOnlyPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))).ToList();
        if (hostOnly.Count > 0)
        {
            evidence.Add(new Evidence(Signal, SysrootFiles.Dev, $"sees the host's interfaces {string.Join(", ", hostOnly.Take(5))} → host"));
            return NetworkMode.Host;
        }

        var route = gateway is null ? "no default route (an internal network?)" : $"default route via {gateway}";
        evidence.Add(new Evidence(Signal, SysrootFiles.Dev, $"own interfaces {string.Join(", ", others)}, {route} → bridge"));
        return NetworkMode.Bridge;
    }

    private static string? DefaultGateway(DetectionInput input, ICollection<Evidence> evidence)
    {
        var route = input.Routes.Where(r => r.IsDefaultViaGateway).OrderBy(r => r.Metric).FirstOrDefault();
        if (route is null)
        {
            evidence.Add(new Evidence(Signal, SysrootFiles.Route, "no default route via a gateway"));
            return null;
        }

        var gateway = RouteEntry.ToAddress(route.Gateway).ToString();
        evidence.Add(new Evidence(Signal, SysrootFiles.Route, $"default via {gateway} dev {route.Interface}"));
        return gateway;
    }

    private static List<string> Addresses(DetectionInput input)
    {
        var addresses = new List<string>();
        foreach (var address in FibTrieParser.LocalAddresses(input.Text(SysrootFiles.FibTrie)))
        {
            if (IPAddress.IsLoopback(address))
            {
                addresses.Add(string.Create(CultureInfo.InvariantCulture, $"lo={address}/8"));
                continue;
            }

            // fib_trie names no interface; the most specific connected route that holds the address does.
            var route = input.Routes.Where(r => r.Gateway == 0 && r.Contains(address)).MaxBy(r => r.PrefixLength);
            addresses.Add(route is null
                ? string.Create(CultureInfo.InvariantCulture, $"?={address}/32")
                : string.Create(CultureInfo.InvariantCulture, $"{route.Interface}={address}/{route.PrefixLength}"));
        }

        addresses.AddRange(input.Inet6);
        return addresses;
    }
}
