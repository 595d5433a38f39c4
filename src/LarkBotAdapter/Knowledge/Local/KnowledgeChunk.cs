namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// One passage of a document: the text under a heading (or a part of it when the section is long).
// File: Path relative to the knowledge folder, with / separators.
// HeadingPath: The document title, then each enclosing heading down to this passage's own.
// Text: The passage's Markdown as written (code blocks whole), without its heading line.
// Part: 0 for a whole section or its first part; 1, 2, … for further parts of a long section.
public sealed record KnowledgeChunk(string File, IReadOnlyList<string> HeadingPath, string Text, int Part = 0)
{
    // Separator between heading levels in paths and citations.
    public const string PathSeparator = " › ";

    // The heading path as one line, e.g. Checkout API runbook › 5xx spike › Rollback.
    public string Heading => string.Join(PathSeparator, HeadingPath);

    // The headings below the document title (the title itself when the passage sits directly under it).
    public string SectionPath => HeadingPath.Count > 1 ? string.Join(PathSeparator, HeadingPath.Skip(1)) : Heading;

    // File and section, e.g. runbooks/checkout-api.md › 5xx spike › Rollback.
    public string Citation => File + PathSeparator + SectionPath;
}
