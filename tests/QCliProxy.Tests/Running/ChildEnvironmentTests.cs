using ChatOps.OpsAgent.Aws;
using ChatOps.QCliProxy.Aws;
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
            ["AWS_PAGER", "AWS_REGION", "HOME", "LC_ALL", "NO_COLOR", "PATH", "TERM"],
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
    public void RunFilesAndProfileReplaceTheProxysOwnAwsSettings()
    {
        var child = Build(passthrough: [], new AwsRunFiles("/runs/1", "/runs/1/config", "/runs/1/credentials", "prod"));

        Assert.Equal(("prod", "/runs/1/config", "/runs/1/credentials"), (child["AWS_PROFILE"], child["AWS_CONFIG_FILE"], child["AWS_SHARED_CREDENTIALS_FILE"]));
    }

    [Fact]
    public void TheProxysAwsCredentialsAndProfileChoiceNeverReachTheCli()
    {
        var parent = new Dictionary<string, string>(Parent)
        {
            ["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            ["AWS_SESSION_TOKEN"] = "token",
            ["AWS_CONFIG_FILE"] = "/var/lib/qcli-proxy/.aws/config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/var/lib/qcli-proxy/.aws/credentials",
            ["AWS_DEFAULT_PROFILE"] = "admin",
        };

        var child = new ChildEnvironment(new ProxyOptions { Secret = Secret, EnvPassthrough = ["AWS_SECRET_ACCESS_KEY"] }, new ParentEnvironment(parent)).Build(aws: null);

        Assert.Equal(["AWS_PAGER", "AWS_REGION"], child.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void KiroApiKeyPassesForHeadlessKiroCli()
    {
        var parent = new Dictionary<string, string>(Parent) { ["KIRO_API_KEY"] = "kiro-key" };

        var child = new ChildEnvironment(new ProxyOptions { Secret = Secret }, new ParentEnvironment(parent)).Build(aws: null);

        Assert.Equal("kiro-key", child["KIRO_API_KEY"]);
    }

    [Fact]
    public void AnApprovedActionGetsNeitherTheKiroApiKeyNorTheClisFolders()
    {
        var parent = new Dictionary<string, string>(Parent) { ["KIRO_API_KEY"] = "kiro-key", ["XDG_CONFIG_HOME"] = "/home/qcli/.config" };
        var environment = new ChildEnvironment(new ProxyOptions { Secret = Secret, EnvPassthrough = ["KIRO_API_KEY", "KIRO_LOG"] }, new ParentEnvironment(parent));

        var action = environment.BuildForAction(new AwsRunFiles("/runs/1", "/runs/1/config", "/runs/1/credentials", "prod"));

        Assert.Equal(
            ["AWS_CONFIG_FILE", "AWS_PAGER", "AWS_PROFILE", "AWS_REGION", "AWS_SHARED_CREDENTIALS_FILE", "HOME", "KIRO_LOG", "LC_ALL", "NO_COLOR", "PATH", "TERM"],
            action.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("kiro-key", environment.Build(aws: null)["KIRO_API_KEY"]);
    }

    private static Dictionary<string, string> Build(string[] passthrough, AwsRunFiles? aws = null) =>
        new ChildEnvironment(new ProxyOptions { Secret = Secret, EnvPassthrough = passthrough }, new ParentEnvironment(Parent)).Build(aws);
}
