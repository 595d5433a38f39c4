using System.ComponentModel;
using System.Diagnostics;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Running;

// How the proxy starts every child (the CLI, a runbook, the Support MCP server): no shell, an argument list, only the
// environment it is given, stdin, stdout and stderr redirected, and as the CLI's account (QCLI_RUN_AS) when set.
internal static class ChildProcess
{
    public static ProcessStartInfo StartInfo(
        string file, string workingDirectory, IEnumerable<KeyValuePair<string, string>> environment, CliUser user, IEnumerable<string>? arguments = null)
    {
        var start = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

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
