using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Heimnetz.Benchmarks.Reporting;

/// <summary>What the figures were measured on: they mean little without it.</summary>
internal sealed record MachineInfo(int Processors, string Cpu, string Os, string Runtime, string Redis)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        ReadField("/proc/cpuinfo", "model name", ':') ?? RuntimeInformation.ProcessArchitecture.ToString(),
        (ReadField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription) + ", kernel " + Environment.OSVersion.Version,
        RuntimeInformation.FrameworkDescription,
        RedisVersion());

    private static string? ReadField(string path, string key, char separator)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        foreach (var line in File.ReadLines(path))
        {
            var index = line.IndexOf(separator, StringComparison.Ordinal);
            if (index > 0 && line[..index].Trim() == key)
            {
                return line[(index + 1)..].Trim();
            }
        }

        return null;
    }

    private static string RedisVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("redis-server", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            var text = process?.StandardOutput.ReadToEnd().Trim() ?? string.Empty;
            process?.WaitForExit();
            var version = text.Split(' ').FirstOrDefault(part => part.StartsWith("v=", StringComparison.Ordinal));
            return version is null ? "unknown" : "redis-server " + version[2..];
        }
#pragma warning disable CA1031 // The version is a label in a report; without it the report still stands.
        catch (Exception)
#pragma warning restore CA1031
        {
            return "unknown";
        }
    }
}
