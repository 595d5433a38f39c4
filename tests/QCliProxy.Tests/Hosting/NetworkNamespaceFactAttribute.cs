using System.Diagnostics;

namespace ChatOps.QCliProxy.Tests.Hosting;

/// <summary>A test that makes its own network namespace (`unshare -n`): skipped where that is not allowed.</summary>
public sealed class NetworkNamespaceFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Allowed = new(() =>
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("unshare", ["-n", "iptables", "-S", "OUTPUT"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public NetworkNamespaceFactAttribute()
    {
        if (!Allowed.Value)
        {
            Skip = "`unshare -n iptables -S OUTPUT` does not run here (needs root with CAP_SYS_ADMIN and iptables)";
        }
    }
}
