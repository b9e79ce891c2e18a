using Heimnetz.Cli.Fix;
using Heimnetz.Diagnostics;
using Heimnetz.Diagnostics.Remedies;

namespace Heimnetz.Tests.Cli.Fix;

[TestFixture]
public sealed class DoctorReportReaderUnitTests
{
    [Test]
    public void Read_DoctorJson_GivesBackVerdictCodesAndActions()
    {
        var written = new DoctorReport(DoctorVerdict.Broken,
        [
            new Finding(FindingCodes.HostAliasMissing, FindingSeverity.Warning, "no alias", ["etc/hosts"], new AddExtraHost("host.docker.internal", "host-gateway")),
            new Finding(FindingCodes.AuthFailed, FindingSeverity.Error, "wrong", [], new NoAutomaticRemedy("Fix it.", "needs the password", "the owner")),
            new Finding(FindingCodes.EngineOk, FindingSeverity.Ok, "ok", [], null),
        ]);
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, DoctorReportJson.Serialize(written));

            var read = DoctorReportReader.Read(path);

            Assert.Multiple(() =>
            {
                Assert.That(read.Verdict, Is.EqualTo(DoctorVerdict.Broken));
                Assert.That(read.Findings.Select(finding => (finding.Code, finding.Action)), Is.EqualTo(written.Findings.Select(finding => (finding.Code, finding.Action))));
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Read_NotADoctorReport_NamesTheSchemaItExpected()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, """{"schema": "heimnetz.probe/1"}""");

            var error = Assert.Throws<FixException>(() => DoctorReportReader.Read(path));

            Assert.That(error!.Message, Does.Contain("'heimnetz.probe/1'").And.Contain("'heimnetz.doctor/1'"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
