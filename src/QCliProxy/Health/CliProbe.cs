using System.ComponentModel;
using System.Diagnostics;
using ChatOps.OpsAgent.Output;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Conversations;
using ChatOps.QCliProxy.Output;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Health;

// Finds the CLI on the child's PATH and asks its version; the answer is cached for a few minutes.
internal sealed class CliProbe(
    ProxyOptions options, ParentEnvironment parent, CliCommandLine commandLine, ConversationStore store, CliUser user, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan VersionTimeout = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private (CliStatus Status, DateTimeOffset At)? _cached;

    public async Task<CliStatus> ProbeAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = time.GetUtcNow();
            if (_cached is { } cached && now - cached.At < CacheFor)
            {
                return cached.Status;
            }

            var path = Locate();
            var version = path is null ? null : await VersionAsync();
            var status = new CliStatus(
                options.Command, path is not null, path, version, options.Flavor == CliFlavor.Kiro ? "kiro-cli" : "q", options.Agent,
                user.Account?.Name ?? Environment.UserName, CliVersionRule.Problem(options.Flavor, version));
            _cached = (status, now);
            return status;
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Locate()
    {
        if (options.Command.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(options.Command) ? Path.GetFullPath(options.Command) : null;
        }

        var searchPath = parent.Variables.GetValueOrDefault("PATH", "");
        return searchPath.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Join(dir, options.Command))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private async Task<string?> VersionAsync()
    {
        using var timeout = new CancellationTokenSource(VersionTimeout, time);
        try
        {
            using var process = Process.Start(commandLine.CreateVersionProbe(store.Root));
            if (process is null)
            {
                return null;
            }

            process.StandardInput.Close();
            try
            {
                var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
                await process.WaitForExitAsync(timeout.Token);
                var filter = new TerminalTextFilter();
                filter.Append(output);
                var first = filter.Finish().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
                return first is { Length: > 200 } ? first[..200] : first;
            }
            finally
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or OperationCanceledException or IOException)
        {
            return null;
        }
    }
}
