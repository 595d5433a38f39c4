using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis;

namespace Structure.Tests;

/// <summary>No method, constructor, accessor or local function in <c>src/</c> runs longer than 60 lines.</summary>
public class MethodLengthTests
{
    private const int MaxLines = 60;

    // Members still longer than the limit, with their length today; issue 21 shortens them. One that grows fails,
    // and so does one that is now short enough (remove it from the list), so the list only shrinks.
    private static readonly Dictionary<string, int> KnownLong = new(StringComparer.Ordinal)
    {
    };

    [Fact]
    public void NoMemberInSrcIsLongerThanSixtyLines()
    {
        var members = Members().ToList();
        var tooLong = members
            .Where(member => member.Lines > MaxLines && member.Lines > KnownLong.GetValueOrDefault(member.Key))
            .OrderByDescending(member => member.Lines)
            .Select(member => $"{member.Lines,4} lines  {member.Where}")
            .ToList();
        var shortened = KnownLong.Keys
            .Where(key => !members.Any(member => member.Key == key && member.Lines > MaxLines))
            .ToList();

        Assert.True(tooLong.Count == 0, $"{tooLong.Count} members are longer than {MaxLines} lines:\n" + string.Join('\n', tooLong));
        Assert.True(shortened.Count == 0, "now within the limit (or gone); remove from KnownLong:\n" + string.Join('\n', shortened));
    }

    [Fact]
    public void TheMeasureSeesTheSourceTree()
    {
        // A guard against a rule that passes because it read nothing.
        var members = Members().ToList();
        Assert.True(members.Count > 500, $"only {members.Count} members found under src/");
        Assert.Contains(members, member => member.Where.Contains("src/QCliProxy/", StringComparison.Ordinal));
    }

    internal static IEnumerable<(int Lines, string Where, string Key)> Members()
    {
        foreach (var file in SourceTree.All)
        {
            foreach (var node in file.Root.DescendantNodes())
            {
                if (node is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax)
                {
                    yield return (SourceFile.LineCount(node), $"{file.Path}:{file.LineOf(node)} {Name(node)}", $"{file.Path} {Name(node)}");
                }
            }
        }
    }

    private static string Name(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax method => method.Identifier.Text,
        ConstructorDeclarationSyntax ctor => ctor.Identifier.Text + " (constructor)",
        LocalFunctionStatementSyntax local => local.Identifier.Text + " (local function)",
        AccessorDeclarationSyntax accessor => accessor.Keyword.Text + " accessor",
        _ => node.Kind().ToString(),
    };
}
