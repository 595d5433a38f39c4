namespace ChatOps.LarkBotAdapter.Knowledge.Local;

/// <summary>Where the knowledge folder is, and where it was looked for (for a helpful reply when it is missing).</summary>
/// <param name="Folder">The folder found, or null.</param>
/// <param name="ConfiguredPath"><c>KNOWLEDGE_LOCAL_PATH</c> as a full path, when it was set.</param>
/// <param name="SearchedFrom">Directories from which a <c>knowledge</c> folder was looked for upwards (empty when configured).</param>
public sealed record KnowledgeLocation(string? Folder, string? ConfiguredPath, IReadOnlyList<string> SearchedFrom)
{
    /// <summary>Name of the folder looked for, and of the variable that overrides the search.</summary>
    public const string FolderName = "knowledge";

    /// <inheritdoc cref="FolderName"/>
    public const string PathVariable = "KNOWLEDGE_LOCAL_PATH";

    /// <summary>A known folder (tests, the bench).</summary>
    public static KnowledgeLocation At(string folder) => new(Path.GetFullPath(folder), null, []);

    /// <summary>One line saying where the folder was looked for.</summary>
    public string Searched => ConfiguredPath is not null
        ? $"{PathVariable}={ConfiguredPath}"
        : string.Join("; ", SearchedFrom.Select(d => $"{Path.Combine(d, FolderName)} and the same name in every parent folder"));
}
