namespace Heimnetz.Benchmarks.Paired;

/// <summary>One side-by-side comparison: the median of the per-round ratios and their spread.</summary>
/// <param name="Comparison">What was compared, e.g. "GET 100 B, 1 caller".</param>
/// <param name="Measure">p50-latency (per-call median), throughput (calls/s) or time-per-call (batch mean).</param>
/// <param name="Subject">Heimnetz's client.</param>
/// <param name="Baseline">The alternative it is compared with.</param>
/// <param name="Ratio">Median over the rounds of subject ÷ baseline.</param>
/// <param name="RatioP25">25th percentile of the per-round ratios.</param>
/// <param name="RatioP75">75th percentile of the per-round ratios.</param>
/// <param name="SubjectMedian">Median over the rounds of the subject's figure, in <paramref name="Unit"/>.</param>
/// <param name="BaselineMedian">Median over the rounds of the baseline's figure, in <paramref name="Unit"/>.</param>
/// <param name="Unit">µs, calls/s or ns.</param>
/// <param name="Rounds">How many rounds the figures come from.</param>
internal sealed record PairedResult(
    string Comparison,
    string Measure,
    string Subject,
    string Baseline,
    double Ratio,
    double RatioP25,
    double RatioP75,
    double SubjectMedian,
    double BaselineMedian,
    string Unit,
    int Rounds);

/// <summary>The file the paired verb writes and the report verb reads.</summary>
internal sealed record PairedRun(string Date, PairedSettings Settings, IReadOnlyList<PairedResult> Results);
