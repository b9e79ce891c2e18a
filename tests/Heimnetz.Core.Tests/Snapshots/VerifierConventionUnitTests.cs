using Heimnetz.Harness.Fixtures.Snapshots;

namespace Heimnetz.Tests.Snapshots;

[TestFixture]
public sealed class VerifierConventionUnitTests
{
    // Proves the naming convention end to end: the verified file beside this source file is found by class and method name.
    [Test]
    public Task Verify_CheckedInSnapshot_Matches() =>
        Verifier.Verify("| scenario | chosen |\n|---|---|\n| bridge-service-name | redis:6379 |\n", "md");
}
