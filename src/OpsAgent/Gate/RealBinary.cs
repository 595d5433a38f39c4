namespace ChatOps.OpsAgent.Gate;

// Where the real kubectl or helm is: the variable (QCLI_KUBECTL, QCLI_HELM; an absolute path) or else the first
// executable of that name on PATH that is not one of our own chatops-* wrappers (a link to one would loop).
internal static class RealBinary
{
    public static string Find(string tool, string variable, Func<string, string?> environment)
    {
        var configured = environment(variable);
        if (!string.IsNullOrEmpty(configured))
        {
            if (!Path.IsPathFullyQualified(configured))
            {
                throw new RealBinaryMissing($"{variable} must be an absolute path");
            }

            return IsExecutable(configured) && !IsWrapper(configured)
                ? configured
                : throw new RealBinaryMissing($"{variable}={configured} is not an executable {tool}");
        }

        var found = (environment("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(Path.IsPathFullyQualified)
            .Select(dir => Path.Join(dir, tool))
            .FirstOrDefault(path => IsExecutable(path) && !IsWrapper(path));
        return found ?? throw new RealBinaryMissing($"{tool} was not found on PATH; install it or set {variable} in the chatops-{tool} wrapper");
    }

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private static bool IsWrapper(string path)
    {
        var target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        return Path.GetFileName(target).StartsWith("chatops-", StringComparison.Ordinal)
               || string.Equals(target, Environment.ProcessPath, StringComparison.Ordinal);
    }
}
