using System.Text.RegularExpressions;

namespace ChatOps.QCliProxy.Proposals.Rules;

// The administrator's folder of scripts (QCLI_RUNBOOK_DIR): a runbook is named by its file name only, and must be a
// regular, executable file directly in that folder (a link that leads elsewhere is not one).
internal sealed partial class RunbookFolder(string? directory)
{
    public string? Directory { get; } = string.IsNullOrWhiteSpace(directory) ? null : Path.GetFullPath(directory);

    // The script's full path, or the reason it cannot be run.
    public (string? Path, string? Problem) Resolve(string? name)
    {
        if (Directory is null || !System.IO.Directory.Exists(Directory))
        {
            return (null, "this proxy has no runbook folder (QCLI_RUNBOOK_DIR); no runbook can be proposed");
        }

        if (name is null || !NamePattern().IsMatch(name) || name.Contains("..", StringComparison.Ordinal))
        {
            return (null, "runbook must be a file name from the runbook folder: letters, digits, '.', '_' and '-', no path");
        }

        var path = Path.Join(Directory, name);
        var file = new FileInfo(path);
        if (!file.Exists || file.LinkTarget is not null)
        {
            return (null, $"there is no runbook '{name}'; available: {string.Join(", ", Available())}");
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return OperatingSystem.IsWindows() || (file.UnixFileMode & anyExecute) != 0
            ? (path, null)
            : (null, $"runbook '{name}' is not executable");
    }

    public IEnumerable<string> Available() =>
        Directory is null || !System.IO.Directory.Exists(Directory)
            ? []
            : System.IO.Directory.EnumerateFiles(Directory).Select(Path.GetFileName).OfType<string>()
                .Where(n => NamePattern().IsMatch(n) && !n.StartsWith('.') && !n.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9._-]{0,63}\z")]
    private static partial Regex NamePattern();
}
