using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Running.Sandbox;

namespace ChatOps.QCliProxy.Conversations;

// Agent folders a run may have written into its conversation's folder (a workspace .kiro/agents or .amazonq/cli-agents
// overrides the root-owned agent for later runs there) or into its sandbox HOME (where a .kiro or .kube of its own
// would stand in for the account's). Removed before every run; links are removed, never followed.
internal static class PlantedAgents
{
    public static readonly string[] Names =
        [".kiro", ".amazonq", .. BubblewrapSandbox.AccountFolders.Select(f => Path.Join(BubblewrapSandbox.HomeFolder, f))];

    // Returns the names still there (none when all went).
    public static IReadOnlyList<string> Clear(string folder, UnixAccount? account)
    {
        var found = Names.Where(n => Exists(Path.Join(folder, n))).ToList();
        foreach (var name in found)
        {
            TryDelete(Path.Join(folder, name));
        }

        var left = found.Where(n => Exists(Path.Join(folder, n))).ToList();
        if (left.Count > 0 && account is not null)
        {
            AccountRemoval.Remove(account, folder, left);
            left = left.Where(n => Exists(Path.Join(folder, n))).ToList();
        }

        return left;
    }

    // Also true for a link, whether or not its target exists.
    private static bool Exists(string path) => new FileInfo(path) is var info && (info.Exists || info.LinkTarget is not null || Directory.Exists(path));

    private static void TryDelete(string path)
    {
        try
        {
            if (new FileInfo(path) is { LinkTarget: not null } or { Exists: true })
            {
                File.Delete(path);
            }
            else
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for rm as the CLI's account, or reported.
        }
    }
}
