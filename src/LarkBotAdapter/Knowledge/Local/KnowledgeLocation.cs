namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// Where the knowledge folder is, and where it was looked for (for a helpful reply when it is missing).
// Folder: The folder found, or null.
// ConfiguredPath: KNOWLEDGE_LOCAL_PATH as a full path, when it was set.
// SearchedFrom: Directories from which a knowledge folder was looked for upwards (empty when configured).
public sealed record KnowledgeLocation(string? Folder, string? ConfiguredPath, IReadOnlyList<string> SearchedFrom)
{
    // Name of the folder looked for, and of the variable that overrides the search.
    public const string FolderName = "knowledge";

    public const string PathVariable = "KNOWLEDGE_LOCAL_PATH";

    // A known folder (tests, the bench).
    public static KnowledgeLocation At(string folder) => new(Path.GetFullPath(folder), null, []);

    // One line saying where the folder was looked for.
    public string Searched => ConfiguredPath is not null
        ? $"{PathVariable}={ConfiguredPath}"
        : string.Join("; ", SearchedFrom.Select(d => $"{Path.Combine(d, FolderName)} and the same name in every parent folder"));
}
