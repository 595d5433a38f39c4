namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// Finds the knowledge folder: KNOWLEDGE_LOCAL_PATH when set; otherwise a knowledge folder in the
// current directory or a parent (a repository checkout), then beside the binaries or a parent (a deployment package).
public static class KnowledgeFolderLocator
{
    // Locates the folder; touches only the file system, never throws for a missing folder.
    public static KnowledgeLocation Locate(string? configuredPath, string currentDirectory, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(currentDirectory);
        ArgumentNullException.ThrowIfNull(baseDirectory);
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var full = Path.GetFullPath(configuredPath.Trim(), currentDirectory);
            return new KnowledgeLocation(Directory.Exists(full) ? full : null, full, []);
        }
        var starts = new[] { currentDirectory, baseDirectory }
            .Select(d => Path.TrimEndingDirectorySeparator(Path.GetFullPath(d)))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, KnowledgeLocation.FolderName);
                if (Directory.Exists(candidate))
                {
                    return new KnowledgeLocation(candidate, null, starts);
                }
            }
        }
        return new KnowledgeLocation(null, null, starts);
    }
}
