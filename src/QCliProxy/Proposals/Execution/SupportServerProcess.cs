using System.Diagnostics;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Security;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ChatOps.QCliProxy.Proposals.Execution;

// The AWS Support MCP server as a child process, started like a runbook: no shell, the action environment, and as the
// CLI's account (QCLI_RUN_AS) when set, so third-party code never runs as the proxy's user with its secret and files.
// The proxy speaks MCP over its stdin/stdout; stderr is drained and dropped (failures are logged by the caller).
internal sealed class SupportServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _stderr;

    private SupportServerProcess(Process process)
    {
        _process = process;
        _stderr = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
        Transport = new StreamClientTransport(process.StandardInput.BaseStream, process.StandardOutput.BaseStream);
    }

    public IClientTransport Transport { get; }

    // Throws Win32Exception or InvalidOperationException when the command cannot be started.
    public static SupportServerProcess Start(IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment, string workingDirectory, CliUser user)
    {
        var start = ChildProcess.StartInfo(command[0], workingDirectory, environment, user, command.Skip(1));
        return new SupportServerProcess(ChildProcess.Start(start));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            ChildProcess.KillTree(_process);
            await _stderr.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or its stderr still held by a grandchild: nothing more to do for this call.
        }

        _process.Dispose();
    }
}
