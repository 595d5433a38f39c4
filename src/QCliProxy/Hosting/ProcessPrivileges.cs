using System.Globalization;
using System.Runtime.InteropServices;

namespace ChatOps.QCliProxy.Hosting;

// What the proxy needs to start the CLI as another user (CAP_SETUID, CAP_SETGID, and CAP_KILL to stop it), read from
// /proc/self/status; and the ambient capabilities that must not reach the CLI.
internal static partial class ProcessPrivileges
{
    private const int CapKill = 5;
    private const int CapSetGid = 6;
    private const int CapSetUid = 7;
    private const int PrCapAmbient = 47;
    private const int PrCapAmbientClearAll = 4;

    // Capabilities missing for running the CLI as another user; empty when all are there (or on root).
    public static IReadOnlyList<string> MissingForRunAs(string statusFile = "/proc/self/status")
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(statusFile))
        {
            return ["a Linux host"];
        }

        var effective = File.ReadLines(statusFile).FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        if (effective is null || !ulong.TryParse(effective[7..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var caps))
        {
            return ["readable capabilities in " + statusFile];
        }

        var missing = new List<string>();
        foreach (var (bit, name) in new[] { (CapSetUid, "CAP_SETUID"), (CapSetGid, "CAP_SETGID"), (CapKill, "CAP_KILL") })
        {
            if ((caps & (1UL << bit)) == 0)
            {
                missing.Add(name);
            }
        }

        return missing;
    }

    // Clears the ambient set, so a child that keeps a non-root uid does not inherit the proxy's capabilities across
    // exec (the proxy keeps its own effective set). Returns false where that is not possible.
    public static bool ClearAmbient() => OperatingSystem.IsLinux() && Prctl(PrCapAmbient, PrCapAmbientClearAll, 0, 0, 0) == 0;

    [LibraryImport("libc", EntryPoint = "prctl", SetLastError = true)]
    private static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);
}
