using System.Text.RegularExpressions;

namespace Structure.Tests;

/// <summary>
/// The "Map" table of docs/ARCHITECTURE.md names every folder of the bot, the proxy and the library they share
/// (OpsAgent) (two levels deep), and every
/// folder it names exists. A row's first cell names areas of the bot unless it names another project (src/…); a
/// `Name/` token in a row is a subfolder of that row's area or of the project; `Parent/{A,B}` names several.
/// </summary>
public partial class ArchitectureMapTests
{
    private static readonly string[] Projects = ["src/LarkBotAdapter", "src/QCliProxy", "src/OpsAgent"];

    [Fact]
    public void EveryFolderIsOnTheMap()
    {
        // A folder named implies its parents (Channels/Lark names Channels).
        var named = NamedFolders()
            .SelectMany(f => Enumerable.Range(0, f.Path.Count(c => c == '/')).Select(i => string.Join('/', f.Path.Split('/')[..(i + 2)])))
            .ToHashSet(StringComparer.Ordinal);
        var missing = Folders().Where(folder => !named.Contains(folder)).ToList();
        Assert.True(missing.Count == 0, "folders not on ARCHITECTURE's map:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void EveryFolderOnTheMapExists()
    {
        var stale = NamedFolders()
            .Where(f => !Directory.Exists(Path.Combine(SourceTree.RepositoryRoot, f.Path)))
            .Select(f => $"{f.Token} (as {f.Path})")
            .ToList();
        Assert.True(stale.Count == 0, "ARCHITECTURE's map names folders that do not exist:\n" + string.Join('\n', stale));
    }

    [Fact]
    public void TheMapIsRead()
    {
        Assert.Contains(NamedFolders(), f => f.Path == "src/LarkBotAdapter/Worker" || f.Path == "src/LarkBotAdapter/Jobs");
        Assert.Contains(NamedFolders(), f => f.Path.StartsWith("src/QCliProxy/Proposals/", StringComparison.Ordinal));
    }

    private static IEnumerable<string> Folders() =>
        Projects.SelectMany(project =>
        {
            var root = Path.Combine(SourceTree.RepositoryRoot, project);
            return Directory.EnumerateDirectories(root)
                .Where(dir => Path.GetFileName(dir) is not ("bin" or "obj"))
                .SelectMany(dir => Directory.EnumerateDirectories(dir).Prepend(dir))
                .Select(dir => Path.GetRelativePath(SourceTree.RepositoryRoot, dir).Replace('\\', '/'));
        });

    private static List<(string Token, string Path)> NamedFolders()
    {
        var text = File.ReadAllText(Path.Combine(SourceTree.RepositoryRoot, "docs", "ARCHITECTURE.md"));
        var start = text.IndexOf("\n## Map", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/ARCHITECTURE.md has no '## Map' section");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var rows = text[start..(end < 0 ? text.Length : end)].Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal));
        return rows.SelectMany(Row).ToList();
    }

    private static IEnumerable<(string Token, string Path)> Row(string row)
    {
        var cells = row.Split('|', StringSplitOptions.TrimEntries);
        var first = Tokens(cells[1]).ToList();
        var project = first.FirstOrDefault(t => t.StartsWith("src/", StringComparison.Ordinal)) is { } named && named.Count(c => c == '/') == 1
            ? named
            : "src/LarkBotAdapter";
        var areas = first.Where(t => !t.StartsWith("src/", StringComparison.Ordinal) && !t.EndsWith('/')).ToList();
        foreach (var area in areas)
        {
            yield return (area, $"{project}/{area}");
        }
        foreach (var token in first.Where(t => t.StartsWith("src/", StringComparison.Ordinal)))
        {
            yield return (token, token);
        }
        foreach (var token in cells.Skip(1).SelectMany(Tokens).Where(t => t.EndsWith('/') || t.Contains('{', StringComparison.Ordinal)))
        {
            foreach (var path in Expand(token.TrimEnd('/')))
            {
                // A subfolder of the row's (single) area, or a folder of the project.
                var parent = areas.Count == 1 && !path.Contains('/', StringComparison.Ordinal) ? $"{project}/{areas[0]}" : project;
                yield return (token, $"{parent}/{path}");
            }
        }
    }

    private static IEnumerable<string> Expand(string token)
    {
        var brace = BracePattern().Match(token);
        return brace.Success
            ? brace.Groups["items"].Value.Split(',').Select(item => token[..brace.Index] + item.Trim())
            : [token];
    }

    private static IEnumerable<string> Tokens(string cell) =>
        TokenPattern().Matches(cell).Select(m => m.Groups["token"].Value).Where(t => FolderLike().IsMatch(t));

    [GeneratedRegex("`(?<token>[^`]+)`")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9/]*(/\{[A-Za-z0-9, ]+\})?/?$")]
    private static partial Regex FolderLike();

    [GeneratedRegex(@"\{(?<items>[^}]+)\}$")]
    private static partial Regex BracePattern();
}
