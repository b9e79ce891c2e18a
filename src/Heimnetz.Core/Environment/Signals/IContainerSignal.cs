namespace Heimnetz.EnvironmentDetection.Signals;

/// <summary>One link in the detection chain: looks at the input, always leaves evidence, and may return a verdict.</summary>
internal interface IContainerSignal
{
    /// <summary>The stable name evidence and the decision refer to, e.g. <c>mount-sources</c>.</summary>
    string Name { get; }

    SignalVerdict? Evaluate(DetectionInput input, ICollection<Evidence> evidence);
}
