using System.Text;
using System.Text.RegularExpressions;

namespace Structure.Tests;

/// <summary>One Markdown file of the repository: its relative links (outside code) and the anchors its headings make
/// on GitHub.</summary>
public sealed partial class MarkdownDocument
{
    private MarkdownDocument(string path, string[] lines)
    {
        Path = path;
        var prose = lines.Where((_, i) => !InCodeBlock(lines, i)).ToList();
        Links = prose.SelectMany(line => LinkTarget().Matches(CodeSpan().Replace(line, "")).Select(m => m.Groups["target"].Value))
            .Where(target => !target.StartsWith('#') || target.Length > 1)
            .Where(target => !Uri.TryCreate(target, UriKind.Absolute, out _))
            .ToList();
        Anchors = prose.Select(line => Heading().Match(line)).Where(m => m.Success).Select(m => Slug(m.Groups["text"].Value)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The file, relative to the repository root.</summary>
    public string Path { get; }

    /// <summary>Link targets that are not absolute URLs: a path, a path with <c>#anchor</c>, or <c>#anchor</c>.</summary>
    public IReadOnlyList<string> Links { get; }

    /// <summary>The anchors of its headings, as GitHub makes them.</summary>
    public IReadOnlySet<string> Anchors { get; }

    public static MarkdownDocument Load(string relativePath) =>
        new(relativePath, File.ReadAllLines(System.IO.Path.Combine(SourceTree.RepositoryRoot, relativePath)));

    /// <summary>GitHub's heading anchor: lower case, punctuation dropped (letters, digits, '-' and '_' stay), spaces to '-'.</summary>
    public static string Slug(string heading)
    {
        var slug = new StringBuilder();
        foreach (var c in heading.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }
        return slug.ToString();
    }

    // Whether line i is inside a fenced code block (or is one of its fences).
    private static bool InCodeBlock(string[] lines, int i)
    {
        var open = false;
        for (var j = 0; j <= i; j++)
        {
            if (lines[j].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                if (j == i)
                {
                    return true;
                }
                open = !open;
            }
        }
        return open;
    }

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex LinkTarget();

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();
}
