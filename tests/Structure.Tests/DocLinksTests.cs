namespace Structure.Tests;

/// <summary>Every relative link in the README and <c>docs/</c> points at a file or folder that exists, and a link to a
/// heading (<c>file.md#anchor</c>, <c>#anchor</c>) at a heading that exists, so moving a section cannot leave a dead
/// link behind.</summary>
public class DocLinksTests
{
    private static IEnumerable<string> Documents() =>
        new[] { "README.md" }.Concat(Directory.EnumerateFiles(Path.Combine(SourceTree.RepositoryRoot, "docs"), "*.md")
            .Select(path => Path.GetRelativePath(SourceTree.RepositoryRoot, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal));

    [Fact]
    public void TheDocumentsHaveLinksToCheck()
    {
        var readme = MarkdownDocument.Load("README.md");

        Assert.Contains("docs/CONFIGURATION.md", readme.Links);
        Assert.Contains("docs/SETUP.md#the-ops-route", readme.Links);
        Assert.Contains("31-chat", MarkdownDocument.Load("docs/CONTRACTS.md").Anchors);
        Assert.Equal("4-aws-cli-profiles-read-only-always", MarkdownDocument.Slug("4. AWS CLI profiles: read-only, always"));
    }

    [Fact]
    public void EveryRelativeLinkResolves()
    {
        var broken = Documents().SelectMany(Broken).ToList();

        Assert.True(broken.Count == 0, "links that point nowhere:\n" + string.Join('\n', broken));
    }

    private static IEnumerable<string> Broken(string documentPath)
    {
        var document = MarkdownDocument.Load(documentPath);
        var folder = Path.GetDirectoryName(Path.Combine(SourceTree.RepositoryRoot, documentPath))!;
        foreach (var link in document.Links)
        {
            var hash = link.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? link : link[..hash];
            var anchor = hash < 0 ? null : Uri.UnescapeDataString(link[(hash + 1)..]);
            var target = file.Length == 0 ? Path.Combine(SourceTree.RepositoryRoot, documentPath) : Path.GetFullPath(Path.Combine(folder, Uri.UnescapeDataString(file)));
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                yield return $"{documentPath}: {link} (no such file)";
            }
            else if (anchor is not null && target.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                     && !MarkdownDocument.Load(Path.GetRelativePath(SourceTree.RepositoryRoot, target)).Anchors.Contains(anchor))
            {
                yield return $"{documentPath}: {link} (no such heading)";
            }
        }
    }
}
