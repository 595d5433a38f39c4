using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Structure.Tests;

/// <summary>
/// Which area (first folder under a project) uses which other area, read from each file's namespace, its using
/// directives and the qualified names it writes. Composition code (registrations, the program's entry, the
/// endpoint map) wires every area together by design and is left out.
/// </summary>
public sealed class AreaGraph
{
    private readonly Dictionary<string, SortedSet<string>> _edges = new(StringComparer.Ordinal);

    public AreaGraph(string project)
    {
        var prefix = "ChatOps." + project + ".";
        foreach (var file in SourceTree.All.Where(f => f.Path.StartsWith($"src/{project}/", StringComparison.Ordinal)))
        {
            if (IsComposition(file.Path) || AreaOf(file, prefix) is not { } from)
            {
                continue;
            }
            var uses = _edges.TryGetValue(from, out var set) ? set : _edges[from] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var name in NamesUsed(file))
            {
                // A name written in full (ChatOps.QCliProxy.Running.X) or from the project's root (Running.X).
                var full = name.StartsWith(prefix, StringComparison.Ordinal);
                var parts = (full ? name[prefix.Length..] : name).Split('.');
                if ((full || parts.Length > 1) && parts[0] is var to && to != from && Areas(project).Contains(to))
                {
                    uses.Add(to);
                }
            }
        }
    }

    public IReadOnlyDictionary<string, SortedSet<string>> Edges => _edges;

    // The project's first-level folders.
    private static HashSet<string> Areas(string project) =>
        Directory.EnumerateDirectories(Path.Combine(SourceTree.RepositoryRoot, "src", project))
            .Select(Path.GetFileName)
            .Where(name => name is not (null or "bin" or "obj"))
            .ToHashSet(StringComparer.Ordinal)!;

    public static bool IsComposition(string path) =>
        path.EndsWith("ServiceCollectionExtensions.cs", StringComparison.Ordinal)
        || path.EndsWith("/Program.cs", StringComparison.Ordinal)
        || path.EndsWith("/ChatOpsEndpoints.cs", StringComparison.Ordinal)
        || path.EndsWith("/ProxyApp.cs", StringComparison.Ordinal);

    /// <summary>Every cycle, as its areas in order ("A → B → A"), found by a depth-first walk from each area.</summary>
    public IReadOnlyList<string> Cycles()
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var start in _edges.Keys)
        {
            Walk(start, [start], found);
        }
        return found.ToList();
    }

    private void Walk(string at, List<string> path, SortedSet<string> found)
    {
        foreach (var next in _edges.GetValueOrDefault(at) ?? [])
        {
            if (next == path[0])
            {
                // Name each cycle once, starting from its smallest area.
                var ring = path.ToList();
                var first = ring.IndexOf(ring.Min(StringComparer.Ordinal)!);
                var rotated = ring.Skip(first).Concat(ring.Take(first)).ToList();
                found.Add(string.Join(" → ", rotated.Append(rotated[0])));
            }
            else if (!path.Contains(next) && string.CompareOrdinal(next, path[0]) > 0)
            {
                path.Add(next);
                Walk(next, path, found);
                path.RemoveAt(path.Count - 1);
            }
        }
    }

    private static string? AreaOf(SourceFile file, string prefix)
    {
        var ns = file.Root.Members.OfType<BaseNamespaceDeclarationSyntax>().FirstOrDefault()?.Name.ToString();
        return ns is not null && ns.StartsWith(prefix, StringComparison.Ordinal) ? ns[prefix.Length..].Split('.')[0] : null;
    }

    private static IEnumerable<string> NamesUsed(SourceFile file) =>
        file.Root.Usings.Select(u => u.Name?.ToString() ?? "")
            .Concat(file.Root.DescendantNodes().OfType<QualifiedNameSyntax>().Select(q => q.ToString()))
            .Concat(file.Root.DescendantNodes().OfType<MemberAccessExpressionSyntax>().Select(m => m.ToString()));
}
