using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Structure.Tests;

/// <summary>The C# files under <c>src/</c>, parsed once (syntax only: no compilation is needed for shape rules).</summary>
public static class SourceTree
{
    private static readonly Lazy<IReadOnlyList<SourceFile>> Files = new(Load);

    public static string RepositoryRoot { get; } = FindRoot();

    public static IReadOnlyList<SourceFile> All => Files.Value;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ChatOps.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("ChatOps.sln not found above " + AppContext.BaseDirectory);
    }

    private static IReadOnlyList<SourceFile> Load()
    {
        var src = Path.Combine(RepositoryRoot, "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Select(path => new SourceFile(
                Path.GetRelativePath(RepositoryRoot, path).Replace('\\', '/'),
                CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path).GetCompilationUnitRoot()))
            .OrderBy(file => file.Path, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsBuildOutput(string path)
    {
        var parts = path.Split(Path.DirectorySeparatorChar);
        return parts.Contains("bin") || parts.Contains("obj");
    }
}

/// <summary>One parsed source file, its path relative to the repository root.</summary>
public sealed record SourceFile(string Path, CompilationUnitSyntax Root)
{
    public int LineOf(SyntaxNode node) => node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;

    public static int LineCount(SyntaxNode node)
    {
        var span = node.GetLocation().GetLineSpan();
        return span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
    }
}
