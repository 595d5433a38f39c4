namespace ChatOps.LarkBotAdapter.Knowledge.Local;

/// <summary>A document of the local knowledge base.</summary>
/// <param name="File">Path relative to the knowledge folder, with <c>/</c> separators.</param>
/// <param name="Title">Its first <c>#</c> heading, or the file name without extension.</param>
/// <param name="Chunks">How many passages it was split into.</param>
public sealed record KnowledgeDocument(string File, string Title, int Chunks);
