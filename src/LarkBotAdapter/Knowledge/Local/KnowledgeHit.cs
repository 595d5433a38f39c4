namespace ChatOps.LarkBotAdapter.Knowledge.Local;

/// <summary>A ranked passage.</summary>
/// <param name="Score">BM25F score (higher is better; comparable within one query only).</param>
/// <param name="Coverage">Share (0–1) of the query's IDF-weighted terms this passage contains.</param>
public sealed record KnowledgeHit(KnowledgeChunk Chunk, double Score, double Coverage);
