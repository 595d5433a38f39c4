namespace ChatOps.QCliProxy.Configuration;

/// <summary>What differs between the two CLIs, and which one to use when <c>QCLI_COMMAND</c> is unset.</summary>
internal static class CliFlavors
{
    public const string KiroCommand = "kiro-cli";
    public const string QCommand = "q";

    /// <summary><c>kiro-cli</c> when it is on <paramref name="path"/>, else <c>q</c>.</summary>
    public static string DefaultCommand(string? path) =>
        (path ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries).Any(dir => IsExecutable(Path.Join(dir, KiroCommand)))
            ? KiroCommand
            : QCommand;

    public static CliFlavor Of(string command) =>
        Path.GetFileName(command).StartsWith("kiro", StringComparison.OrdinalIgnoreCase) ? CliFlavor.Kiro : CliFlavor.QDeveloper;

    /// <summary>The read-only tools trusted by the <c>--trust-tools</c> fallback.</summary>
    public static IReadOnlyList<string> ReadOnlyTools(CliFlavor flavor) =>
        flavor == CliFlavor.Kiro ? ["read", "aws"] : ["fs_read", "use_aws"];

    /// <summary>Where the CLI looks for a global agent file, relative to its home.</summary>
    public static string AgentFile(CliFlavor flavor, string agent) =>
        flavor == CliFlavor.Kiro
            ? Path.Join(".kiro", "agents", agent + ".json")
            : Path.Join(".aws", "amazonq", "cli-agents", agent + ".json");

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
