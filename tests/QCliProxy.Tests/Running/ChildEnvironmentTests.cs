using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Running;

namespace ChatOps.QCliProxy.Tests.Running;

public sealed class ChildEnvironmentTests
{
    private const string Secret = "test-proxy-secret-0001";

    private static readonly Dictionary<string, string> Parent = new()
    {
        ["PATH"] = "/usr/bin",
        ["HOME"] = "/home/qcli",
        ["LC_ALL"] = "C.UTF-8",
        ["AWS_REGION"] = "eu-west-1",
        ["AWS_PROFILE"] = "default",
        ["QCLI_PROXY_SECRET"] = Secret,
        ["QCLI_TIMEOUT_SECONDS"] = "60",
        ["COPY_OF_SECRET"] = "prefix-" + Secret,
        ["LD_PRELOAD"] = "/tmp/evil.so",
        ["ASPNETCORE_URLS"] = "http://0.0.0.0:8080",
        ["KIRO_LOG"] = "debug",
    };

    [Fact]
    public void OnlyAllowListedVariablesPass()
    {
        var child = Build(passthrough: []);

        Assert.Equal(
            ["AWS_PAGER", "AWS_PROFILE", "AWS_REGION", "HOME", "LC_ALL", "NO_COLOR", "PATH", "TERM"],
            child.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("1", "dumb", ""), (child["NO_COLOR"], child["TERM"], child["AWS_PAGER"]));
    }

    [Fact]
    public void ListedExtraVariablesPassButNeverTheSecretOrAQcliOne()
    {
        var child = Build(passthrough: ["KIRO_LOG", "COPY_OF_SECRET", "QCLI_PROXY_SECRET"]);

        Assert.Equal("debug", child["KIRO_LOG"]);
        Assert.DoesNotContain("COPY_OF_SECRET", child.Keys);
        Assert.DoesNotContain(child.Keys, k => k.StartsWith("QCLI_", StringComparison.Ordinal));
        Assert.DoesNotContain(child.Values, v => v.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void RequestProfileReplacesTheInstanceProfile()
    {
        Assert.Equal("prod", Build(passthrough: [], awsProfile: "prod")["AWS_PROFILE"]);
        Assert.Equal("default", Build(passthrough: [])["AWS_PROFILE"]);
    }

    private static Dictionary<string, string> Build(string[] passthrough, string? awsProfile = null) =>
        new ChildEnvironment(new ProxyOptions { Secret = Secret, EnvPassthrough = passthrough }, new ParentEnvironment(Parent)).Build(awsProfile);
}
