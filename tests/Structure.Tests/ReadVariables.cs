using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Structure.Tests;

/// <summary>
/// The environment variables the code under <c>src/</c> reads, found in its syntax: the first argument of a setting
/// read (<c>reader.Text("…")</c>, <c>configuration.GetValue("…")</c>, <c>Environment.GetEnvironmentVariable(…)</c>, the
/// options' own helpers), <c>configuration["…"]</c>, the per-service endpoint overrides
/// (<c>aws.Endpoint("BEDROCK_RUNTIME", …)</c> reads <c>AWS_ENDPOINT_URL_BEDROCK_RUNTIME</c>), and any literal with one
/// of this project's own prefixes. An argument may be a literal or a constant (<c>configuration[TableKey]</c>).
/// </summary>
public static partial class ReadVariables
{
    // Calls whose first argument names a variable.
    private static readonly HashSet<string> Readers = new(StringComparer.Ordinal)
    {
        "Text", "Flag", "Words", "List", "Integer", "Choice", // the proxy's SettingReader
        "GetValue", "GetSection", "GetEnvironmentVariable", "Setting", "Value", "Number",
    };

    // Calls whose first argument is a service suffix of AWS_ENDPOINT_URL_{suffix}.
    private static readonly HashSet<string> EndpointReaders = new(StringComparer.Ordinal) { "Endpoint", "EndpointOverride", "EndpointKeyOf" };

    // Literals with an own prefix that are not variables, and why.
    private static readonly HashSet<string> NotVariables = new(StringComparer.Ordinal)
    {
        "KNOWLEDGE_BASE", // a Bedrock retrieved-reference location type (Knowledge/Bedrock/KnowledgeWire.cs)
    };

    /// <summary>Each variable name with the first place that reads it (<c>path:line</c>).</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = Find();

    private static SortedDictionary<string, string> Find()
    {
        var constants = Constants();
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in SourceTree.All)
        {
            var suffixes = new HashSet<SyntaxNode>();
            foreach (var (node, name) in Reads(file.Root, constants, suffixes))
            {
                found.TryAdd(name, $"{file.Path}:{file.LineOf(node)}");
            }
            foreach (var literal in file.Root.DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                if (literal.Token.ValueText is var text && OwnName().IsMatch(text) && !NotVariables.Contains(text) && !suffixes.Contains(literal))
                {
                    found.TryAdd(text, $"{file.Path}:{file.LineOf(literal)}");
                }
            }
        }
        return found;
    }

    private static IEnumerable<(SyntaxNode Node, string Name)> Reads(SyntaxNode root, ILookup<string, string> constants, HashSet<SyntaxNode> suffixes)
    {
        foreach (var node in root.DescendantNodes())
        {
            if (node is InvocationExpressionSyntax { ArgumentList.Arguments: [var first, ..] } call && MethodName(call.Expression) is { } method)
            {
                if (EndpointReaders.Contains(method))
                {
                    suffixes.Add(first.Expression);
                    foreach (var value in Values(first.Expression, constants))
                    {
                        yield return (call, "AWS_ENDPOINT_URL_" + value);
                    }
                }
                else if (Readers.Contains(method))
                {
                    // The first argument that names a variable: helpers such as Value(configuration, "…") take it second.
                    var name = call.ArgumentList.Arguments.Select(a => Values(a.Expression, constants).ToList()).FirstOrDefault(v => v.Count > 0) ?? [];
                    foreach (var value in name)
                    {
                        yield return (call, value);
                    }
                }
            }
            else if (node is ElementAccessExpressionSyntax { ArgumentList.Arguments: [var key] } access
                     && IsConfiguration(access.Expression) && !IsAssigned(access))
            {
                foreach (var value in Values(key.Expression, constants))
                {
                    yield return (access, value);
                }
            }
        }
    }

    // A literal's text, or the values of the constants an identifier may name.
    private static IEnumerable<string> Values(ExpressionSyntax expression, ILookup<string, string> constants)
    {
        var values = expression switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => [literal.Token.ValueText],
            IdentifierNameSyntax name => constants[name.Identifier.ValueText],
            MemberAccessExpressionSyntax member => constants[member.Name.Identifier.ValueText],
            _ => [],
        };
        return values.Where(v => VariableName().IsMatch(v));
    }

    // String constants of the whole tree by name (a name used twice keeps every value).
    private static ILookup<string, string> Constants() =>
        SourceTree.All
            .SelectMany(f => f.Root.DescendantNodes().OfType<FieldDeclarationSyntax>())
            .Where(f => f.Modifiers.Any(SyntaxKind.ConstKeyword))
            .SelectMany(f => f.Declaration.Variables)
            .Where(v => v.Initializer?.Value is LiteralExpressionSyntax)
            .ToLookup(v => v.Identifier.ValueText, v => ((LiteralExpressionSyntax)v.Initializer!.Value).Token.ValueText, StringComparer.Ordinal);

    private static string? MethodName(ExpressionSyntax expression) => expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        IdentifierNameSyntax name => name.Identifier.ValueText,
        _ => null,
    };

    private static bool IsConfiguration(ExpressionSyntax receiver) =>
        (receiver is MemberAccessExpressionSyntax member ? member.Name.Identifier.ValueText : receiver.ToString())
        .Contains("configuration", StringComparison.OrdinalIgnoreCase);

    private static bool IsAssigned(ExpressionSyntax expression) =>
        expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression;

    [GeneratedRegex(@"^(LARK|SLACK|KNOWLEDGE|BEDROCK|RECOGNITION|QCLI|QLI|OPS|CHATOPS)_[A-Z0-9_]+$")]
    private static partial Regex OwnName();

    [GeneratedRegex(@"^[A-Z][A-Z0-9_]*$")]
    private static partial Regex VariableName();
}
