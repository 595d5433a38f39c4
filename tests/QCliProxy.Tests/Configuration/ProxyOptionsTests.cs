using ChatOps.QCliProxy.Configuration;
using ChatOps.TestKit.QCli;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ChatOps.QCliProxy.Tests.Configuration;

public sealed class ProxyOptionsTests
{
    private static readonly string StateDir = Path.Combine(Path.GetTempPath(), "qcli-proxy-tests", "options-state");

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        var options = Load(new() { ["QCLI_COMMAND"] = null });

        Assert.Empty(options.Errors);
        Assert.Equal("q", options.Command);
        Assert.Equal(["chat", "--no-interactive"], options.Arguments);
        Assert.Equal(["fs_read", "use_aws"], options.TrustTools);
        Assert.Equal(Environment.ProcessorCount, options.MaxConcurrency);
        Assert.Equal(TimeSpan.FromSeconds(300), options.Timeout);
        Assert.Equal(1024 * 1024, options.MaxOutputBytes);
        Assert.Equal(TimeSpan.FromDays(7), options.IdleLifetime);
        Assert.Equal("chatops", options.Agent);
        Assert.Null(options.RunAs);
    }

    [Fact]
    public void KiroCliIsTheDefaultCommandWhenItIsOnPathWithItsOwnToolNames()
    {
        var bin = Path.Combine(Path.GetTempPath(), "qcli-proxy-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(bin);
        File.WriteAllText(Path.Combine(bin, "kiro-cli"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(bin, "kiro-cli"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var options = Load(new() { ["QCLI_COMMAND"] = null, ["PATH"] = "/nonexistent:" + bin });

        Assert.Equal(("kiro-cli", CliFlavor.Kiro), (options.Command, options.Flavor));
        Assert.Equal(["read", "aws"], options.TrustTools);
        Directory.Delete(bin, recursive: true);
    }

    [Theory]
    [InlineData("/opt/q/bin/q", CliFlavor.QDeveloper)]
    [InlineData("/usr/local/bin/kiro-cli", CliFlavor.Kiro)]
    public void FlavorFollowsTheCommandName(string command, CliFlavor flavor) =>
        Assert.Equal(flavor, new ProxyOptions { Command = command }.Flavor);

    [Theory]
    [InlineData("QCLI_ARGS", "chat --no-interactive --agent admin", "QCLI_ARGS must not contain --agent")]
    [InlineData("QCLI_AGENT", "../../etc/agent", "QCLI_AGENT has an invalid agent name")]
    [InlineData("QCLI_RUN_AS", "no-such-user-here", "QCLI_RUN_AS names 'no-such-user-here'")]
    [InlineData("QCLI_RUN_AS", "root", "QCLI_RUN_AS must not be root")]
    public void UnsafeAgentOrAccountSettingsAreErrors(string name, string value, string error)
    {
        var options = Load(new() { [name] = value });

        Assert.StartsWith(error, Assert.Single(options.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEmptyAgentMeansTheTrustToolsFallback()
    {
        var options = Load(new() { ["QCLI_AGENT"] = "" });

        Assert.Empty(options.Errors);
        Assert.Null(options.Agent);
    }

    [Fact]
    public void MissingSecretIsAnErrorUnlessInDevMode()
    {
        var production = Load(new() { ["QCLI_PROXY_SECRET"] = null });
        var development = Load(new() { ["QCLI_PROXY_SECRET"] = null, ["QCLI_DEV_MODE"] = "true" });

        Assert.Contains(production.Errors, e => e.StartsWith("QCLI_PROXY_SECRET is required", StringComparison.Ordinal));
        Assert.Empty(development.Errors);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("change-me-to-the-output-of-openssl-rand-hex-32")]
    public void WeakSecretIsAnError(string secret)
    {
        var options = Load(new() { ["QCLI_PROXY_SECRET"] = secret });

        Assert.StartsWith("QCLI_PROXY_SECRET", Assert.Single(options.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QCLI_TRUST_TOOLS", "fs_read,execute_bash")]
    [InlineData("QCLI_TRUST_TOOLS", "fs_write")]
    [InlineData("QCLI_TRUST_TOOLS", "*")]
    [InlineData("QCLI_ARGS", "chat --no-interactive --trust-all-tools")]
    public void WriteCapableToolsNeedAnExplicitAllow(string name, string value)
    {
        var refused = Load(new() { [name] = value });
        var allowed = Load(new() { [name] = value, ["QCLI_ALLOW_WRITE_TOOLS"] = "true" });

        var error = Assert.Single(refused.Errors);
        Assert.StartsWith(name, error, StringComparison.Ordinal);
        Assert.Contains("QCLI_ALLOW_WRITE_TOOLS=true", error, StringComparison.Ordinal);
        Assert.Empty(allowed.Errors);
    }

    [Theory]
    [InlineData("QCLI_ARGS", "chat --trust-tools=execute_bash")]
    [InlineData("QCLI_ARGS", "chat --resume")]
    [InlineData("QCLI_MAX_CONCURRENCY", "0")]
    [InlineData("QCLI_QUEUE_LIMIT", "-1")]
    [InlineData("QCLI_TIMEOUT_SECONDS", "ten")]
    [InlineData("QCLI_MAX_OUTPUT_BYTES", "12")]
    [InlineData("QCLI_IDLE_DAYS", "0")]
    [InlineData("QCLI_DEV_MODE", "maybe")]
    [InlineData("QCLI_STATE_DIR", "relative/state")]
    [InlineData("QCLI_AWS_PROFILES", "prod,bad profile")]
    [InlineData("QCLI_ENV_PASSTHROUGH", "QCLI_PROXY_SECRET")]
    public void InvalidSettingIsAnErrorNamingItsVariable(string name, string value)
    {
        var options = Load(new() { [name] = value });

        Assert.StartsWith(name, Assert.Single(options.Errors), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProxyRefusesToStartWithoutASecret()
    {
        await using var app = ProxyApp.Build([], b => b.Configuration.AddInMemoryCollection(Settings(new() { ["QCLI_PROXY_SECRET"] = null })));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("QCLI_PROXY_SECRET", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MainExitsWithCodeTwoOnBadConfiguration()
    {
        var exitCode = await Program.Main(["--QCLI_PROXY_SECRET=short", $"--QCLI_STATE_DIR={StateDir}", "--urls=http://127.0.0.1:0"]);

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void SandboxIsOffByDefaultAndBwrapIsFoundOnPath()
    {
        var unset = Load(new());
        var bwrap = Load(new() { ["QCLI_SANDBOX"] = "bwrap", ["PATH"] = "/nonexistent:/usr/bin:/bin" });

        Assert.Equal((SandboxMode.None, null), (unset.Sandbox, unset.BwrapPath));
        Assert.Empty(bwrap.Errors);
        Assert.Equal((SandboxMode.Bwrap, "/usr/bin/bwrap"), (bwrap.Sandbox, bwrap.BwrapPath));
    }

    [Theory]
    [InlineData("docker", "QCLI_SANDBOX must be one of none, bwrap, not 'docker'.")]
    [InlineData("1", "QCLI_SANDBOX must be one of none, bwrap, not '1'.")]
    public void UnknownSandboxIsAnErrorNamingTheVariable(string value, string error) =>
        Assert.Equal(error, Assert.Single(Load(new() { ["QCLI_SANDBOX"] = value }).Errors));

    [Fact]
    public void BwrapSandboxWithoutBwrapOnPathFailsStartUp()
    {
        var options = Load(new() { ["QCLI_SANDBOX"] = "bwrap", ["PATH"] = "/nonexistent" });

        Assert.StartsWith("QCLI_SANDBOX=bwrap, but bwrap is not on PATH", Assert.Single(options.Errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("true", true)]
    public void V1SignaturesAreAcceptedOnlyWhenAskedFor(string? value, bool accepted)
    {
        var options = Load(new() { ["QCLI_ACCEPT_V1_SIGNATURES"] = value });

        Assert.Empty(options.Errors);
        Assert.Equal(accepted, options.AcceptV1Signatures);
    }

    [Fact]
    public void AnUnreadableV1SettingIsAnErrorNamingIt()
    {
        var options = Load(new() { ["QCLI_ACCEPT_V1_SIGNATURES"] = "sometimes" });

        Assert.Equal("QCLI_ACCEPT_V1_SIGNATURES must be true or false, not 'sometimes'.", Assert.Single(options.Errors));
    }

    [Fact]
    public void VendingCredentialsIsOffByDefaultAndReadsTheSdkEndpointVariables()
    {
        Assert.False(Load(new()).VendCredentials);

        var options = Load(new()
        {
            ["QCLI_VEND_CREDENTIALS"] = "true", ["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = "http://127.0.0.1:9001",
            ["AWS_ENDPOINT_URL_STS"] = "http://127.0.0.1:9002/", ["AWS_REGION"] = "eu-west-1",
        });

        Assert.Empty(options.Errors);
        Assert.Equal((true, "http://127.0.0.1:9001/", "http://127.0.0.1:9002/", "eu-west-1"),
            (options.VendCredentials, options.MetadataEndpoint.ToString(), options.StsEndpoint?.ToString(), options.StsRegion));
    }

    [Fact]
    public void BadVendingSettingsAreErrorsNamingTheVariable()
    {
        var options = Load(new() { ["QCLI_VEND_CREDENTIALS"] = "maybe" });
        Assert.Contains("QCLI_VEND_CREDENTIALS must be true or false, not 'maybe'.", options.Errors);

        options = Load(new() { ["QCLI_VEND_CREDENTIALS"] = "true", ["AWS_ENDPOINT_URL_STS"] = "sts.local" });
        Assert.Contains(options.Errors, e => e.StartsWith("AWS_ENDPOINT_URL_STS must be an http(s) URL", StringComparison.Ordinal));
    }

    private static ProxyOptions Load(Dictionary<string, string?> overrides)
    {
        var options = new ProxyOptions();
        options.Load(new ConfigurationBuilder().AddInMemoryCollection(Settings(overrides)).Build());
        return options;
    }

    private static Dictionary<string, string?> Settings(Dictionary<string, string?> overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["QCLI_PROXY_SECRET"] = QCliProxyHost.Secret,
            ["QCLI_STATE_DIR"] = StateDir,
            ["QCLI_COMMAND"] = FakeCli.Path,
        };
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return settings;
    }
}
