using System.Diagnostics;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>
/// deploy/qcli-proxy/fleet/fetch-secrets.sh (qcli-fetch-secrets, the fleet's ExecStartPre), run as written with a
/// stand-in `aws` first on PATH that records its arguments and prints the secret named by --secret-id.
/// </summary>
public sealed class FetchSecretsScriptTests : IDisposable
{
    private const string ProxyArn = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:chatops/proxy-AbCdEf";
    private const string KiroArn = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:chatops/kiro-GhIjKl";
    private const string ProxyValue = "0f1e2d3c4b5a69788796a5b4c3d2e1f0aabbccdd";
    private const string KiroValue = "ksk_live-Zy9/xW8+vU7=";

    private readonly string _root = Directory.CreateTempSubdirectory("fetch-secrets-").FullName;

    private string Config => Path.Combine(_root, "secrets.conf");

    private string Output => Path.Combine(_root, "run", "qcli-proxy-secrets", "secrets.env");

    private string Recorded => Path.Combine(_root, "aws-calls");

    [Fact]
    public async Task EachVariableGetsItsSecretInAFileOnlyItsOwnerMayRead()
    {
        FakeAws((ProxyArn, ProxyValue), (KiroArn, $"{{\"KIRO_API_KEY\":\"{KiroValue}\",\"OTHER\":\"x\"}}"));
        WriteConfig($"AWS_REGION=eu-west-1\n# a comment\nQCLI_PROXY_SECRET={ProxyArn}\nKIRO_API_KEY={KiroArn}\n");

        var result = await RunAsync();

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"QCLI_PROXY_SECRET={ProxyValue}\nKIRO_API_KEY={KiroValue}\n", File.ReadAllText(Output));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Output));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(Output)!));
        Assert.Equal(
            [$"secretsmanager get-secret-value --secret-id {ProxyArn} --region eu-west-1 --query SecretString --output text",
             $"secretsmanager get-secret-value --secret-id {KiroArn} --region eu-west-1 --query SecretString --output text"],
            File.ReadAllLines(Recorded));
        Assert.Equal($"qcli-fetch-secrets: QCLI_PROXY_SECRET,KIRO_API_KEY written to {Output}\n", result.Stdout);
        Assert.DoesNotContain(ProxyValue, result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AValueAnEnvironmentFileCannotCarryIsRefusedAndTheLastGoodFileIsKept()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Output)!);
        File.WriteAllText(Output, "QCLI_PROXY_SECRET=previous-value-kept\n");
        FakeAws((ProxyArn, ProxyValue), (KiroArn, "has a space\"and-quote"));
        WriteConfig($"QCLI_PROXY_SECRET={ProxyArn}\nKIRO_API_KEY={KiroArn}\n");

        var result = await RunAsync();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"qcli-fetch-secrets: KIRO_API_KEY: the value in {KiroArn} is empty or has characters other than letters, digits and . _ ~ + / = : @ -\n", result.Stderr);
        Assert.DoesNotContain("space", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.Equal("QCLI_PROXY_SECRET=previous-value-kept\n", File.ReadAllText(Output));
        Assert.Equal(["secrets.env"], Directory.GetFiles(Path.GetDirectoryName(Output)!).Select(Path.GetFileName));
    }

    [Fact]
    public async Task JsonWithoutTheVariablesKeyIsRefusedByName()
    {
        FakeAws((ProxyArn, "{\"LARK_APP_SECRET\":\"not-this-one\"}"));
        WriteConfig($"QCLI_PROXY_SECRET={ProxyArn}\n");

        var result = await RunAsync();

        Assert.Equal((1, $"qcli-fetch-secrets: QCLI_PROXY_SECRET: {ProxyArn} is JSON without a string key QCLI_PROXY_SECRET\n"), (result.ExitCode, result.Stderr));
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task SomethingOtherThanASecretArnIsRefusedBeforeAnyCall()
    {
        FakeAws();
        WriteConfig("QCLI_PROXY_SECRET=arn:aws:ssm:eu-west-1:111111111111:parameter/proxy\n");

        var result = await RunAsync();

        Assert.Equal((1, "qcli-fetch-secrets: QCLI_PROXY_SECRET: 'arn:aws:ssm:eu-west-1:111111111111:parameter/proxy' is not a Secrets Manager secret ARN\n"), (result.ExitCode, result.Stderr));
        Assert.False(File.Exists(Recorded));
        Assert.False(File.Exists(Output));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void WriteConfig(string text) => File.WriteAllText(Config, text);

    // A stand-in aws: records its argv, prints the value for the --secret-id it was given (exit 255 for any other).
    private void FakeAws(params (string Arn, string Value)[] secrets)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        var cases = string.Concat(secrets.Select(s => $"  '{s.Arn}') printf '%s\\n' '{s.Value}' ;;\n"));
        File.WriteAllText(Path.Combine(bin, "aws"), $"#!/bin/sh\necho \"$*\" >> '{Recorded}'\ncase \"$4\" in\n{cases}  *) echo 'no such secret' >&2; exit 255 ;;\nesac\n");
        File.SetUnixFileMode(Path.Combine(bin, "aws"), (UnixFileMode)0b111_101_101);
    }

    private async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { ProxyStack.KitPath("fleet", "fetch-secrets.sh"), Config, Output })
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PATH"] = Path.Combine(_root, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, stderr);
    }
}
