using System.Net;

namespace Heimnetz.EnvironmentDetection.Parsing;

/// <summary>One IPv4 route from <c>proc/net/route</c>; addresses are in network byte order as the kernel prints them.</summary>
internal sealed record RouteEntry(string Interface, uint Destination, uint Gateway, int Flags, int Metric, uint Mask)
{
    private const int Up = 0x1;
    private const int GatewayFlag = 0x2;

    public bool IsDefaultViaGateway => Destination == 0 && Mask == 0 && (Flags & Up) != 0 && (Flags & GatewayFlag) != 0;

    public int PrefixLength => System.Numerics.BitOperations.PopCount(Mask);

    public bool Contains(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var value = BitConverter.ToUInt32(bytes, 0);
        return Mask != 0 && (value & Mask) == Destination;
    }

    // The kernel prints the 32-bit value in host order (little-endian on x86 and arm64), which is the bytes in network order reversed.
    public static IPAddress ToAddress(uint value) => new(BitConverter.GetBytes(value));
}
