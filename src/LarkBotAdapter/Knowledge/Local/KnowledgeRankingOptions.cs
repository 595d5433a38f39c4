namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// Chunking and ranking parameters of the local knowledge base (BM25F over heading path and body).
public sealed record KnowledgeRankingOptions
{
    // The defaults used by the bot.
    public static KnowledgeRankingOptions Default { get; } = new();

    // BM25 term-frequency saturation.
    public double K1 { get; init; } = 1.2;

    // BM25 length normalisation (0 = none, 1 = full).
    public double B { get; init; } = 0.75;

    // Weight of a term in the section headings (below the title) relative to the body.
    public double HeadingWeight { get; init; } = 2.5;

    // Weight of a term in the document title (shared by all its passages, so it picks the document only).
    public double TitleWeight { get; init; } = 1.0;

    // Query weight of a single CJK character (bigrams weigh 1): characters are weak evidence alone.
    public double CjkUnigramWeight { get; init; } = 0.4;

    // Query weight of terms taken from the previous question of the thread.
    public double ContextWeight { get; init; } = 0.35;

    // Relevance floor: a passage needs at least this share of the query's IDF-weighted terms (unknown terms
    // count too, so "a sourdough recipe" matched by one stray word stays below it) …
    public double MinCoverage { get; init; } = 0.2;

    // … and more than this score (0: any match; scores grow with the corpus, so a fixed floor would not carry
    // from a ten-passage folder to a thousand-passage one).
    public double MinScore { get; init; }

    // Passages after the first must score at least this fraction of the first.
    public double RelativeCutoff { get; init; } = 0.5;

    // Long sections are split at paragraphs into passages of about this many characters.
    public int MaxChunkChars { get; init; } = 1200;
}
