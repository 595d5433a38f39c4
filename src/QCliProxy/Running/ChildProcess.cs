using System.ComponentModel;
using System.Diagnostics;
using ChatOps.OpsAgent.Running;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Running;

// How the proxy starts every child (the CLI, a runbook, the Support MCP server): as IsolatedStart does (no shell, an
// argument list, only the environment it is given, stdio redirected), and as the CLI's account (QCLI_RUN_AS) when set.
internal static class ChildProcess
{
    public static ProcessStartInfo StartInfo(
        string file, string workingDirectory, IEnumerable<KeyValuePair<string, string>> environment, CliUser user, IEnumerable<string>? arguments = null)
    {
        var start = IsolatedStart.For(file, workingDirectory, environment, arguments ?? []);
        user.Apply(start);
        return start;
    }

    // Throws Win32Exception or InvalidOperationException when it cannot be started.
    public static Process Start(ProcessStartInfo start) => Process.Start(start) ?? throw new InvalidOperationException("no process was started");

    // Kills the child and everything it started; nothing happens when it has already gone.
    public static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
