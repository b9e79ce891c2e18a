using System.ComponentModel.DataAnnotations;

namespace Heimnetz.Sample.Service;

/// <summary>The service's own settings, bound from the <c>Sample</c> section.</summary>
public sealed class SampleOptions
{
    public const string SectionName = "Sample";

    /// <summary>The largest value <c>PUT /cache/{key}</c> accepts, in bytes. The default value is 65536 (64 KiB).</summary>
    [Range(1, 16 * 1024 * 1024)]
    public int MaxValueBytes { get; set; } = 64 * 1024;

    /// <summary>How many writes one caller may make per <see cref="WriteWindow"/>. The default value is 20.</summary>
    [Range(1, 100_000)]
    public int WritePermitLimit { get; set; } = 20;

    /// <summary>The rate limiting window for writes. The default value is 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan WriteWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a written value lives without being read. The default value is 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan ValueSlidingExpiration { get; set; } = TimeSpan.FromMinutes(10);
}
