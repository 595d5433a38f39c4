using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Structure.Tests;

/// <summary>
/// No class outside composition code takes <c>IServiceProvider</c> in a constructor (a service locator hides what a
/// class needs). The classes still listed are the ones issue 21 rewires; the list only shrinks.
/// </summary>
public class ServiceLocatorTests
{
    private static readonly string[] Known =
    [
    ];

    [Fact]
    public void NoConstructorTakesTheServiceProvider()
    {
        var found = Takers().ToList();
        var added = found.Except(Known).ToList();
        var gone = Known.Except(found).ToList();

        Assert.True(added.Count == 0, "constructors that take IServiceProvider:\n" + string.Join('\n', added));
        Assert.True(gone.Count == 0, "no longer take it; remove from Known:\n" + string.Join('\n', gone));
    }

    private static IEnumerable<string> Takers()
    {
        foreach (var file in SourceTree.All.Where(f => !AreaGraph.IsComposition(f.Path)))
        {
            foreach (var type in file.Root.DescendantNodes().OfType<TypeDeclarationSyntax>())
            {
                var parameters = (type.ParameterList?.Parameters ?? [])
                    .Concat(type.Members.OfType<ConstructorDeclarationSyntax>().SelectMany(c => c.ParameterList.Parameters));
                if (parameters.Any(p => p.Type?.ToString() is "IServiceProvider" or "System.IServiceProvider"))
                {
                    yield return $"{file.Path} {type.Identifier.Text}";
                }
            }
        }
    }
}
