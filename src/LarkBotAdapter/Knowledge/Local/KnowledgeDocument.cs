namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// A document of the local knowledge base.
// File: Path relative to the knowledge folder, with / separators.
// Title: Its first # heading, or the file name without extension.
// Chunks: How many passages it was split into.
public sealed record KnowledgeDocument(string File, string Title, int Chunks);
