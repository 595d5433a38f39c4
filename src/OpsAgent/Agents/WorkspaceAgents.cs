namespace ChatOps.OpsAgent.Agents;

// The deploy kit's chatops agent (deploy/qcli-proxy/agents, embedded in this library), written as a workspace agent
// into a run's working folder for both CLIs: .kiro/agents for kiro-cli, .amazonq/cli-agents for q. Whatever agent
// folders were there before (an earlier run's, or ones the model made) are removed first; links are removed, never
// followed. Nothing is written anywhere else, so the user's own agents (~/.kiro, ~/.aws/amazonq) stay as they are.
internal static class WorkspaceAgents
{
    public const string Name = "chatops";

    public static readonly string[] Folders = [".kiro", ".amazonq"];

    private static readonly (string Resource, string Path)[] Files =
    [
        ("agents/kiro-cli/chatops.json", Path.Join(".kiro", "agents", "chatops.json")),
        ("agents/q/chatops.json", Path.Join(".amazonq", "cli-agents", "chatops.json")),
    ];

    // Throws IOException or UnauthorizedAccessException when the folder cannot be made ready.
    public static void Write(string folder)
    {
        foreach (var name in Folders)
        {
            Remove(Path.Join(folder, name));
        }

        foreach (var (resource, relative) in Files)
        {
            var path = Path.Join(folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var source = typeof(WorkspaceAgents).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"the agent {resource} is not embedded in {typeof(WorkspaceAgents).Assembly.GetName().Name}");
            using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            source.CopyTo(target);
        }
    }

    private static void Remove(string path)
    {
        if (new FileInfo(path) is { LinkTarget: not null } or { Exists: true })
        {
            File.Delete(path);
        }
        else if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }
}
