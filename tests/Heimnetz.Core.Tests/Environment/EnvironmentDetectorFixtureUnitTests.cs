using Heimnetz.EnvironmentDetection;

namespace Heimnetz.Tests.EnvironmentDetection;

[TestFixture]
public sealed class EnvironmentDetectorFixtureUnitTests
{
    public sealed record Case(string Fixture, ContainerKind Container, int? CgroupVersion, NetworkMode Network, string? Gateway, string? DecidedBy)
    {
        public override string ToString() => Fixture;
    }

    private static readonly Case[] Cases =
    [
        new("docker-cgroup1", ContainerKind.Docker, 1, NetworkMode.Bridge, "172.17.0.1", "mount-sources"),
        new("docker-cgroup2", ContainerKind.Docker, 2, NetworkMode.Bridge, "172.18.0.1", "mount-sources"),
        new("docker-no-dockerenv", ContainerKind.Docker, 2, NetworkMode.Bridge, "172.17.0.1", "mount-sources"),
        new("docker-hostnet", ContainerKind.Docker, 2, NetworkMode.Host, "192.168.1.1", "mount-sources"),
        new("docker-nonet", ContainerKind.Docker, 2, NetworkMode.None, null, "mount-sources"),
        new("podman-rootful", ContainerKind.Podman, 2, NetworkMode.Bridge, "10.88.0.1", "container-variable"),
        new("podman-rootless", ContainerKind.Podman, 2, NetworkMode.Bridge, "10.0.2.2", "container-variable"),
        new("k8s-containerd-cgroup1", ContainerKind.Kubernetes, 1, NetworkMode.Bridge, "169.254.1.1", "kubernetes"),
        new("k8s-containerd-cgroup2", ContainerKind.Kubernetes, 2, NetworkMode.Bridge, "10.244.1.1", "kubernetes"),
        new("lxc", ContainerKind.Lxc, 1, NetworkMode.Bridge, "10.0.3.1", "container-variable"),
        new("host-cgroup2", ContainerKind.None, 2, NetworkMode.Host, "192.168.178.1", null),
        new("docker-host", ContainerKind.None, 2, NetworkMode.Host, "10.0.0.1", null),
        new("wsl2", ContainerKind.None, 1, NetworkMode.Host, "172.28.144.1", null),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Detect_CapturedSysroot_MatchesWhatRanThere(Case expected)
    {
        var environment = EnvironmentDetector.Detect(SysrootFixtures.Open(expected.Fixture));

        var evidence = string.Join(Environment.NewLine, environment.Evidence);
        Assert.Multiple(() =>
        {
            Assert.That(environment.Container, Is.EqualTo(expected.Container), evidence);
            Assert.That(environment.CgroupVersion, Is.EqualTo(expected.CgroupVersion), evidence);
            Assert.That(environment.NetworkMode, Is.EqualTo(expected.Network), evidence);
            Assert.That(environment.DefaultGateway, Is.EqualTo(expected.Gateway), evidence);
            Assert.That(environment.DecidedBy, Is.EqualTo(expected.DecidedBy), evidence);
            Assert.That(environment.Unreadable, Is.Empty);
            var decision = environment.Evidence.Single(e => e.Signal == "decision").Value;
            Assert.That(decision, expected.DecidedBy is null ? Does.StartWith("none") : Does.Contain($"decided by {expected.DecidedBy}"));
        });
    }

    [Test]
    public void Detect_DockerCgroup2_EvidenceNamesTheHostnameMountSource()
    {
        var environment = EnvironmentDetector.Detect(SysrootFixtures.Open("docker-cgroup2"));

        Assert.That(environment.Evidence.Select(e => e.ToString()), Has.Some.Match(@"^mountinfo: /etc/hostname from /var/lib/docker/containers/[0-9a-f]{12}/hostname → docker$"));
    }

    [Test]
    public void Detect_DockerHostWithManyContainers_IgnoresOverlaysOutsideItsOwnRoot()
    {
        var mountinfo = File.ReadAllText(Path.Combine(SysrootFixtures.PathOf("docker-host"), "proc/self/mountinfo"));
        Assert.That(mountinfo, Does.Contain("/var/lib/docker/overlay2/").And.Contain("/var/lib/docker/containers/"));

        var environment = EnvironmentDetector.Detect(SysrootFixtures.Open("docker-host"));

        Assert.Multiple(() =>
        {
            Assert.That(environment.Container, Is.EqualTo(ContainerKind.None));
            Assert.That(environment.Evidence.Select(e => e.ToString()), Has.Some.Contains("/ is ext4 /dev/sda2 root / → no engine path"));
        });
    }

    [Test]
    public void Detect_DockerCgroup1_CgroupPathsAgreeWithTheMounts()
    {
        var environment = EnvironmentDetector.Detect(SysrootFixtures.Open("docker-cgroup1"));

        Assert.That(environment.Evidence.Where(e => e.Signal == "cgroup-paths").Select(e => e.Value), Has.Some.Match(@"/docker/[0-9a-f]{12} → docker"));
    }

    [Test]
    public void Detect_PodmanRootless_IsRootlessAndHasTheHostAlias()
    {
        var environment = EnvironmentDetector.Detect(SysrootFixtures.Open("podman-rootless"));

        Assert.Multiple(() =>
        {
            Assert.That(environment.Rootless, Is.True);
            Assert.That(environment.HostAliases, Does.Contain("host.containers.internal=10.0.2.2"));
            Assert.That(environment.Addresses, Does.Contain("tap0=10.0.2.100/24"));
            Assert.That(environment.Nameservers, Is.EqualTo(new[] { "10.0.2.3" }));
        });
    }

    [Test]
    public void Detect_PodmanRootful_IsNotRootless()
    {
        var environment = EnvironmentDetector.Detect(SysrootFixtures.Open("podman-rootful"));

        Assert.Multiple(() =>
        {
            Assert.That(environment.Rootless, Is.False);
            Assert.That(environment.Evidence.Select(e => e.ToString()), Has.Some.Contains("/run/.containerenv: present (engine=\"podman-5.1.1\") → podman"));
        });
    }

    [Test]
    public void Detect_PodmanWithoutContainerVariable_FallsBackToTheContainerEnvFile()
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("podman-rootful"));
        sysroot.Write("proc/self/environ", "PATH=/usr/bin\0HOME=/root\0");

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.That((environment.Container, environment.DecidedBy), Is.EqualTo((ContainerKind.Podman, "containerenv-file")));
    }

    [Test]
    public void Detect_KubernetesOnContainerd_ReportsKubeletMountAndVpcAddress()
    {
        var environment = EnvironmentDetector.Detect(SysrootFixtures.Open("k8s-containerd-cgroup1"));

        Assert.Multiple(() =>
        {
            Assert.That(environment.Evidence.Select(e => e.ToString()), Has.Some.Match("^mountinfo: /etc/hosts from /var/lib/kubelet/pods/.*/etc-hosts → kubernetes$"));
            Assert.That(environment.Addresses, Does.Contain("?=192.168.45.12/32").Or.Contain("eth0=192.168.45.12/32"));
            Assert.That(environment.Nameservers, Is.EqualTo(new[] { "10.100.0.10" }));
        });
    }

    [Test]
    public void Detect_KubernetesWithoutServiceVariable_StillFindsTheKubeletMount()
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("k8s-containerd-cgroup2"));
        sysroot.Write("proc/self/environ", "PATH=/usr/bin\0");

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.That(environment.Container, Is.EqualTo(ContainerKind.Kubernetes));
    }

    [Test]
    public void Detect_LxcWithoutContainerVariable_FindsLxcRootfsAndLxcfs()
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("lxc"));
        sysroot.Write("proc/self/environ", "PATH=/usr/bin\0");

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.Multiple(() =>
        {
            Assert.That((environment.Container, environment.DecidedBy), Is.EqualTo((ContainerKind.Lxc, "mount-sources")));
            Assert.That(environment.Evidence.Select(e => e.ToString()), Has.Some.Contains("served by lxcfs → lxc"));
        });
    }

    [Test]
    public void Detect_Wsl2_NotesTheKernelButStaysAHost()
    {
        var environment = EnvironmentDetector.Detect(SysrootFixtures.Open("wsl2"));

        Assert.That(environment.Evidence.Where(e => e.Signal == "kernel").Select(e => e.Value), Has.Some.Contains("WSL2"));
    }

    [Test]
    public void Detect_HostWithLibvirtBridge_ListsAddressesWithInterfaceNames()
    {
        var environment = EnvironmentDetector.Detect(SysrootFixtures.Open("host-cgroup2"));

        Assert.That(environment.Addresses, Is.SupersetOf(new[]
        {
            "lo=127.0.0.1/8", "wlp0s20f3=192.168.178.37/24", "virbr0=192.168.122.1/24", "wlp0s20f3=2a02:100::14a1:b2c3:d4e5:f607/64",
        }));
    }

    [Test]
    public void Detect_DockerCgroup2_ReadsHostGatewayAliasAndEmbeddedDns()
    {
        var environment = EnvironmentDetector.Detect(SysrootFixtures.Open("docker-cgroup2"));

        Assert.Multiple(() =>
        {
            Assert.That(environment.HostAliases, Is.EqualTo(new[] { "host.docker.internal=172.17.0.1" }));
            Assert.That(environment.Nameservers, Is.EqualTo(new[] { "127.0.0.11" }));
        });
    }

    [TestCase("true", ContainerKind.Docker)]
    [TestCase("false", ContainerKind.None)]
    public void Detect_OverrideVariable_WinsOverEverySignal(string value, ContainerKind expected)
    {
        var fixture = expected == ContainerKind.Docker ? "host-cgroup2" : "docker-cgroup2";
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf(fixture));
        sysroot.Write("proc/self/environ", $"PATH=/usr/bin\0HEIMNETZ_DOCKER={value}\0");

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.That((environment.Container, environment.DecidedBy), Is.EqualTo((expected, "override")));
    }

    [Test]
    public void Detect_OverrideVariableWithBadValue_IsIgnoredAndSaysWhatWasExpected()
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("host-cgroup2"));
        sysroot.Write("proc/self/environ", "HEIMNETZ_DOCKER=maybe\0");

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.Multiple(() =>
        {
            Assert.That(environment.Container, Is.EqualTo(ContainerKind.None));
            Assert.That(environment.Evidence.Select(e => e.ToString()), Has.Some.EqualTo("HEIMNETZ_DOCKER: value 'maybe' ignored; expected true or false"));
        });
    }

    [Test]
    public void Detect_OnlyHintsSayContainer_ReportsUnknown()
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("host-cgroup2"));
        sysroot.Write(".dockerenv", string.Empty);

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.Multiple(() =>
        {
            Assert.That((environment.Container, environment.DecidedBy), Is.EqualTo((ContainerKind.Unknown, "dockerenv-file")));
            Assert.That(environment.Evidence.Single(e => e.Signal == "decision").Value, Does.Contain("only hints"));
        });
    }

    [Test]
    public void Detect_DockerCgroup1WithoutMountinfo_CgroupPathsDecide()
    {
        using var sysroot = new TemporarySysroot(SysrootFixtures.PathOf("docker-cgroup1"));
        sysroot.Delete("proc/self/mountinfo");

        var environment = EnvironmentDetector.Detect(sysroot.Sysroot);

        Assert.That((environment.Container, environment.DecidedBy), Is.EqualTo((ContainerKind.Docker, "cgroup-paths")));
    }
}
