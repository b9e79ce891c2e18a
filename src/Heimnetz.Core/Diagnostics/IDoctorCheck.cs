namespace Heimnetz.Diagnostics;

/// <summary>One doctor check: looks at the gathered context and says what it found (nothing, when it does not apply).</summary>
public interface IDoctorCheck
{
    /// <summary>The findings for <paramref name="context"/>; never throws for any context.</summary>
    IEnumerable<Finding> Run(DoctorContext context);
}
