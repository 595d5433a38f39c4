namespace ChatOps.LarkBotAdapter.Knowledge.Local;

/// <summary>Chunking and ranking parameters of the local knowledge base (BM25F over heading path and body).</summary>
public sealed record KnowledgeRankingOptions
{
    /// <summary>The defaults used by the bot.</summary>
    public static KnowledgeRankingOptions Default { get; } = new();

    /// <summary>BM25 term-frequency saturation.</summary>
    public double K1 { get; init; } = 1.2;

    /// <summary>BM25 length normalisation (0 = none, 1 = full).</summary>
    public double B { get; init; } = 0.75;

    /// <summary>Weight of a term in the section headings (below the title) relative to the body.</summary>
    public double HeadingWeight { get; init; } = 2.5;

    /// <summary>Weight of a term in the document title (shared by all its passages, so it picks the document only).</summary>
    public double TitleWeight { get; init; } = 1.0;

    /// <summary>Query weight of a single CJK character (bigrams weigh 1): characters are weak evidence alone.</summary>
    public double CjkUnigramWeight { get; init; } = 0.4;

    /// <summary>Query weight of terms taken from the previous question of the thread.</summary>
    public double ContextWeight { get; init; } = 0.35;

    /// <summary>Relevance floor: a passage needs at least this share of the query's IDF-weighted terms (unknown terms
    /// count too, so "a sourdough recipe" matched by one stray word stays below it) …</summary>
    public double MinCoverage { get; init; } = 0.2;

    /// <summary>… and more than this score (0: any match; scores grow with the corpus, so a fixed floor would not carry
    /// from a ten-passage folder to a thousand-passage one).</summary>
    public double MinScore { get; init; }

    /// <summary>Passages after the first must score at least this fraction of the first.</summary>
    public double RelativeCutoff { get; init; } = 0.5;

    /// <summary>Long sections are split at paragraphs into passages of about this many characters.</summary>
    public int MaxChunkChars { get; init; } = 1200;
}
