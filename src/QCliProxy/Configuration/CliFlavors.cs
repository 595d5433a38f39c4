namespace ChatOps.QCliProxy.Configuration;

// What differs between the two CLIs, and which one to use when QCLI_COMMAND is unset.
internal static class CliFlavors
{
    public const string KiroCommand = "kiro-cli";
    public const string QCommand = "q";

    // kiro-cli when it is on path, else q.
    public static string DefaultCommand(string? path) =>
        (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => IsExecutable(Path.Join(dir, KiroCommand)))
            ? KiroCommand
            : QCommand;

    public static CliFlavor Of(string command) =>
        Path.GetFileName(command).StartsWith("kiro", StringComparison.OrdinalIgnoreCase) ? CliFlavor.Kiro : CliFlavor.QDeveloper;

    // The read-only tools trusted by the --trust-tools fallback.
    public static IReadOnlyList<string> ReadOnlyTools(CliFlavor flavor) =>
        flavor == CliFlavor.Kiro ? ["read", "aws"] : ["fs_read", "use_aws"];

    // Where the CLI looks for a global agent file, relative to its home.
    public static string AgentFile(CliFlavor flavor, string agent) =>
        flavor == CliFlavor.Kiro
            ? Path.Join(".kiro", "agents", agent + ".json")
            : Path.Join(".aws", "amazonq", "cli-agents", agent + ".json");

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
