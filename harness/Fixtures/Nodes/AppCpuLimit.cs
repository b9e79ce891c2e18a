using System.Globalization;

namespace Heimnetz.Harness.Fixtures.Nodes;

/// <summary>
/// A CPU limit for every app container, as a Kubernetes CPU limit or <c>docker run --cpus</c> sets it: the same
/// topology on a starved app must give the same matrix. Set with <c>HEIMNETZ_APP_CPUS</c> (the harness's
/// <c>--app-cpus</c> and Cake's <c>--app-cpus=</c> set it); unset means no limit.
/// </summary>
public static class AppCpuLimit
{
    /// <summary>The environment variable that carries the limit to every node the harness starts.</summary>
    public const string Variable = "HEIMNETZ_APP_CPUS";

    /// <summary>The limit in cores, or null for none; a bad value throws naming it and what is expected.</summary>
    public static double? Current => Parse(Environment.GetEnvironmentVariable(Variable), Variable);

    /// <summary>Parses a core count such as <c>0.25</c>; null or empty is no limit.</summary>
    public static double? Parse(string? text, string source)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!double.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var cores)
            || cores < 0.01 || cores > Environment.ProcessorCount)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{source}: '{text}' is not a CPU limit; expected a number of cores from 0.01 to {Environment.ProcessorCount} (this machine's cores), e.g. 0.25"), nameof(text));
        }

        return cores;
    }

    /// <summary>The limit as Docker's NanoCpus.</summary>
    public static long NanoCpus(double cores) => (long)Math.Round(cores * 1e9);
}
