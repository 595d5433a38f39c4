using System.Diagnostics;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>The profile block of the fleet's user data, run as written (rendered with sample parameters, the AWS config
/// path swapped for a temp file): one profile per read-only role, in the order given; bad lists stop the boot.</summary>
public sealed class ProxyStackProfilesTests : IDisposable
{
    private const string Prod = "arn:aws:iam::222222222222:role/ChatOpsReadOnly";
    private const string Logs = "arn:aws:iam::333333333333:role/ChatOpsReadOnly";

    private readonly string _config = Path.GetTempFileName();

    [Fact]
    public async Task EachProfileAssumesItsRoleInTheStacksRegion()
    {
        var result = await RunAsync("prod,logs", $"{Prod},{Logs}");

        Assert.Equal((0, ""), (result.ExitCode, result.Stderr));
        Assert.Equal(
            "[default]\nregion = eu-west-1\ncredential_source = Ec2InstanceMetadata\n" +
            $"\n[profile prod]\nrole_arn = {Prod}\ncredential_source = Ec2InstanceMetadata\nregion = eu-west-1\n" +
            $"\n[profile logs]\nrole_arn = {Logs}\ncredential_source = Ec2InstanceMetadata\nregion = eu-west-1\n",
            File.ReadAllText(_config));
    }

    [Theory]
    [InlineData("prod", Prod + "," + Logs, "ReadOnlyProfileNames and ReadOnlyRoleArns differ in length")]
    [InlineData("prod|x,logs", Prod + "," + Logs, "ReadOnlyProfileNames: letters, digits, '.', '_', '-' only")]
    [InlineData("prod,", Prod + "," + Logs, "ReadOnlyProfileNames: letters, digits, '.', '_', '-' only")]
    public async Task BadProfileListsStopTheBootByName(string names, string arns, string message)
    {
        var result = await RunAsync(names, arns);

        Assert.Equal((1, message + "\n"), (result.ExitCode, result.Stderr));
    }

    public void Dispose() => File.Delete(_config);

    private async Task<(int ExitCode, string Stderr)> RunAsync(string names, string arns)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["ProfileNames"] = names, ["RoleArns"] = arns, ["AWS::Region"] = "eu-west-1" };
        var lines = ProxyStack.Load().RenderedUserData(name => values.GetValueOrDefault(name, "standin")).Split('\n');
        // The check at the top (two lines), then the block from names= up to the chown of the file.
        var check = Array.FindIndex(lines, l => l.StartsWith("profile_names=", StringComparison.Ordinal));
        var start = Array.FindIndex(lines, l => l.StartsWith("names=", StringComparison.Ordinal));
        var end = Array.FindIndex(lines, l => l.StartsWith("chown root:qcli /etc/qcli-proxy/aws/config", StringComparison.Ordinal));
        var block = lines[check..(check + 2)].Concat(lines[start..end]);
        var script = "set -euo pipefail\n" + string.Join('\n', block).Replace("/etc/qcli-proxy/aws/config", _config, StringComparison.Ordinal);

        var info = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        await stdout;
        return (process.ExitCode, stderr);
    }
}
