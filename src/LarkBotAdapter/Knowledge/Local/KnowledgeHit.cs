namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// A ranked passage.
// Score: BM25F score (higher is better; comparable within one query only).
// Coverage: Share (0–1) of the query's IDF-weighted terms this passage contains.
public sealed record KnowledgeHit(KnowledgeChunk Chunk, double Score, double Coverage);
