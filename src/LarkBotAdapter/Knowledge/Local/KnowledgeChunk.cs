namespace ChatOps.LarkBotAdapter.Knowledge.Local;

/// <summary>One passage of a document: the text under a heading (or a part of it when the section is long).</summary>
/// <param name="File">Path relative to the knowledge folder, with <c>/</c> separators.</param>
/// <param name="HeadingPath">The document title, then each enclosing heading down to this passage's own.</param>
/// <param name="Text">The passage's Markdown as written (code blocks whole), without its heading line.</param>
/// <param name="Part">0 for a whole section or its first part; 1, 2, … for further parts of a long section.</param>
public sealed record KnowledgeChunk(string File, IReadOnlyList<string> HeadingPath, string Text, int Part = 0)
{
    /// <summary>Separator between heading levels in paths and citations.</summary>
    public const string PathSeparator = " › ";

    /// <summary>The heading path as one line, e.g. <c>Checkout API runbook › 5xx spike › Rollback</c>.</summary>
    public string Heading => string.Join(PathSeparator, HeadingPath);

    /// <summary>The headings below the document title (the title itself when the passage sits directly under it).</summary>
    public string SectionPath => HeadingPath.Count > 1 ? string.Join(PathSeparator, HeadingPath.Skip(1)) : Heading;

    /// <summary>File and section, e.g. <c>runbooks/checkout-api.md › 5xx spike › Rollback</c>.</summary>
    public string Citation => File + PathSeparator + SectionPath;
}
