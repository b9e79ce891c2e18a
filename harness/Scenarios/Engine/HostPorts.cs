using System.Net;
using System.Net.Sockets;

namespace Heimnetz.Harness.Scenarios.Engine;

/// <summary>Checks whether fixed host ports are free, so scenarios that need them skip with a reason instead of failing.</summary>
public static class HostPorts
{
    public static string? FindBusy(IEnumerable<int> ports)
    {
        foreach (var port in ports)
        {
            try
            {
                using var listener = new TcpListener(IPAddress.Any, port);
                listener.Start();
            }
            catch (SocketException)
            {
                return $"host port {port} is held by another process on this machine (free it to run this scenario)";
            }
        }

        return null;
    }
}
