namespace ChatOps.LarkBotAdapter.Local.Ops;

// The CLI the laptop route runs: kiro-cli when it is on PATH, else q (the Amazon Q Developer CLI); null when neither is.
public static class LocalCli
{
    public static readonly string[] Commands = ["kiro-cli", "q"];

    public static string? Find(LocalEnvironment environment) =>
        Commands.SelectMany(command => (environment["PATH"] ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Where(Path.IsPathFullyQualified)
                .Select(dir => Path.Join(dir, command)))
            .FirstOrDefault(IsExecutable);

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
