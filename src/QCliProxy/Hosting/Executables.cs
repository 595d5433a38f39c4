namespace ChatOps.QCliProxy.Hosting;

// Finds a command the way execvp would: a path as given, or the first executable of that name on PATH.
internal static class Executables
{
    public static string? Find(string command, string? searchPath)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return IsExecutable(command) ? Path.GetFullPath(command) : null;
        }

        return (searchPath ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Join(dir, command))
            .FirstOrDefault(IsExecutable);
    }

    public static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
