using System.Reflection;
using System.Text.RegularExpressions;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Tests.Deployment;
using ChatOps.QCliProxy.Configuration;
using Microsoft.Extensions.Logging;

namespace ChatOps.LarkBotAdapter.Tests.Logging;

/// <summary>The EventId table in docs/ARCHITECTURE.md ("Logging") against every [LoggerMessage] in the shipped code.</summary>
public sealed partial class LogEventIdTests
{
    private static readonly Assembly[] Shipped = [typeof(Program).Assembly, typeof(IIntentClassifier).Assembly, typeof(ProxyOptions).Assembly];

    private static IReadOnlyList<(MethodInfo Method, int Id)> Messages() =>
        Shipped.SelectMany(a => a.GetTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .Select(m => (m.Method, m.Attribute!.EventId))
            .ToArray();

    private static Dictionary<string, (int From, int To)> Ranges()
    {
        var doc = File.ReadAllText(RepositoryFiles.Path("docs/ARCHITECTURE.md"));
        var section = doc[doc.IndexOf("## Logging", StringComparison.Ordinal)..];
        return RangeRow().Matches(section).ToDictionary(
            m => m.Groups["ns"].Value, m => (int.Parse(m.Groups["from"].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(m.Groups["to"].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void TheCodeHasLogMessagesToCheck() => Assert.True(Messages().Count > 50);

    [Fact]
    public void EveryMessageIsInItsAreasLogClass()
    {
        var misplaced = Messages()
            .Where(m => m.Method.DeclaringType is not { Name: "Log", IsNested: false })
            .Select(m => $"{m.Method.DeclaringType!.FullName}.{m.Method.Name}");
        Assert.Empty(misplaced);
    }

    [Fact]
    public void EveryMessageHasAnIdFromItsAreasRange()
    {
        var ranges = Ranges();
        Assert.True(ranges.Count >= 10, "the Logging table in docs/ARCHITECTURE.md was not found");
        var outside = Messages()
            .Where(m => !ranges.TryGetValue(m.Method.DeclaringType!.Namespace!, out var r) || m.Id < r.From || m.Id > r.To)
            .Select(m => $"{m.Method.DeclaringType!.FullName}.{m.Method.Name} = {m.Id}");
        Assert.Empty(outside);
    }

    [Fact]
    public void NoTwoMessagesShareAnId()
    {
        var shared = Messages().GroupBy(m => m.Id).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => $"{m.Method.DeclaringType!.FullName}.{m.Method.Name}"))}");
        Assert.Empty(shared);
    }

    [Fact]
    public void TheRangesDoNotOverlap()
    {
        var ordered = Ranges().Values.OrderBy(r => r.From).ToArray();
        Assert.All(ordered.Zip(ordered.Skip(1)), pair => Assert.True(pair.First.To < pair.Second.From, $"{pair.First} overlaps {pair.Second}"));
    }

    [GeneratedRegex(@"^\| (?<from>\d+)–(?<to>\d+) \| `(?<ns>[A-Za-z.]+)`", RegexOptions.Multiline)]
    private static partial Regex RangeRow();
}
