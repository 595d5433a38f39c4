using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Local.Ops;

// Where the laptop route keeps its state: $XDG_CACHE_HOME/chatops (or ~/.cache/chatops), with one working folder per
// conversation (conversations/NAME, where the CLI keeps what --resume continues) and one folder per run (runs/…,
// the gate wrappers and the one-profile AWS files, deleted when the run ends). Only the user can enter them.
public sealed partial class LocalConversations(LocalEnvironment environment)
{
    public const string DefaultName = "default";
    public const string ResumeMarker = ".chatops-resume";

    public string Root => Path.Join(
        environment["XDG_CACHE_HOME"] is { } cache && Path.IsPathFullyQualified(cache) ? cache : Path.Join(environment.Home, ".cache"),
        "chatops");

    public static bool IsValidName(string name) => Name().IsMatch(name);

    // The conversation's folder (made when new) and whether the CLI has a conversation there to resume.
    public (string Folder, bool Resume) Open(string name, bool fresh)
    {
        var folder = Path.Join(Root, "conversations", name);
        CreatePrivate(Root, "conversations", name);
        var marker = Path.Join(folder, ResumeMarker);
        if (fresh)
        {
            File.Delete(marker);
        }

        return (folder, File.Exists(marker));
    }

    public static void MarkResumable(string folder) => File.WriteAllText(Path.Join(folder, ResumeMarker), "");

    // A new, empty folder for one run.
    public string NewRunFolder()
    {
        var run = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        CreatePrivate(Root, "runs", run);
        var folder = Path.Join(Root, "runs", run);
        return folder;
    }

    // root, then each folder below it, made (when new) for the user only.
    private static void CreatePrivate(string root, params string[] below)
    {
        var folder = root;
        foreach (var name in below.Prepend(""))
        {
            folder = name.Length == 0 ? folder : Path.Join(folder, name);
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex Name();
}
