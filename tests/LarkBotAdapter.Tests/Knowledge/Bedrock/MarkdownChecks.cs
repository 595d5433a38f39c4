using System.Text.RegularExpressions;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

/// <summary>Checks that citation markers and the Sources list of an answer render as text, not as code.</summary>
internal static partial class MarkdownChecks
{
    public static void AssertMarkersRenderAsText(string markdown)
    {
        CodeFence? fence = null;
        var lines = markdown.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (fence is not null)
            {
                Assert.False(Marker().IsMatch(line), $"line {i} is code (or a fence line) and carries a marker: {line}\n{markdown}");
                Assert.False(line.StartsWith("**Sources**", StringComparison.Ordinal), $"the Sources list is inside code:\n{markdown}");
                fence = fence.IsClosedBy(line) ? null : fence;
                continue;
            }
            fence = CodeFence.TryParseOpener(line);
            if (fence is not null)
            {
                Assert.False(Marker().IsMatch(line), $"line {i} opens a code block and carries a marker: {line}\n{markdown}");
                continue;
            }
            var outsideInlineCode = InlineCode().Replace(line, "");
            Assert.True(Marker().Count(outsideInlineCode) == Marker().Count(line), $"line {i} has a marker inside inline code: {line}");
        }
        Assert.True(fence is null, $"the answer leaves a code block open:\n{markdown}");
    }

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Marker();

    [GeneratedRegex(@"(`+)(?!`).*?(?<!`)\1(?!`)")]
    private static partial Regex InlineCode();
}
