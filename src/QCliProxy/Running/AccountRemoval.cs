using System.ComponentModel;
using System.Diagnostics;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Running;

// Files the CLI made (umask 077) are its account's, not the proxy's to delete: `rm -rf` runs as that account, in the
// folder, with the entries as arguments (no shell; rm removes links, never follows them).
internal static class AccountRemoval
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static void Remove(UnixAccount account, string folder, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        var start = new ProcessStartInfo("rm") { UseShellExecute = false, WorkingDirectory = folder, UserName = account.Name };
        start.ArgumentList.Add("-rf");
        start.ArgumentList.Add("--");
        foreach (var name in names)
        {
            start.ArgumentList.Add(name);
        }

        try
        {
            using var process = Process.Start(start);
            if (process is not null && !process.WaitForExit(Timeout))
            {
                process.Kill();
            }
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            // The caller sees that the entries are still there.
        }
    }
}
