namespace Heimnetz.Harness.Fixtures.Requirements;

/// <summary>
/// The one way a test may skip: a condition of the machine the run cannot change, named in the reason with how to
/// meet it. Under <c>CI=true</c> the test fails instead, so a green CI means every test ran.
/// </summary>
public static class MachineRequirement
{
    /// <summary>Whether this run is CI (<c>CI=true</c>), where nothing may be skipped.</summary>
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Ignores the calling test with <paramref name="unmet"/> as the reason, or fails it under CI.</summary>
    /// <param name="unmet">What the machine lacks and how to change that, e.g. "'redis-server' is not on PATH (apt-get install redis-server)".</param>
    public static void Unmet(string unmet)
    {
        if (IsCi)
        {
            NUnit.Framework.Assert.Fail($"CI=true runs every test, but {unmet}");
        }

        NUnit.Framework.Assert.Ignore(unmet);
    }

    /// <summary>Skips (or, under CI, fails) the calling test unless <paramref name="holds"/>.</summary>
    public static void That(bool holds, string unmet)
    {
        if (!holds)
        {
            Unmet(unmet);
        }
    }
}
