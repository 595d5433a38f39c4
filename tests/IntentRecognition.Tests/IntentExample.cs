using System.Text.Json;

namespace ChatOps.IntentRecognition.Tests;

/// <summary>One labelled line of <c>Data/*.jsonl</c>.</summary>
internal sealed record IntentExample(string Text, Intent Expected, string Lang, IReadOnlyList<ConversationTurn> History)
{
    public IntentRequest Request => new(Text, History);

    public static IReadOnlyList<IntentExample> Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Data", fileName);
        return [.. File.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Select(Parse)];
    }

    private static IntentExample Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        var history = root.TryGetProperty("history", out var turns)
            ? turns.EnumerateArray().Select(t => new ConversationTurn(
                t.GetProperty("role").GetString()!,
                t.GetProperty("text").GetString()!,
                t.TryGetProperty("intent", out var i) ? Label(i.GetString()) : null)).ToList()
            : [];
        return new IntentExample(
            root.GetProperty("text").GetString()!,
            Label(root.GetProperty("intent").GetString()),
            root.GetProperty("lang").GetString()!,
            history);
    }

    private static Intent Label(string? label) =>
        IntentLabels.TryParse(label, out var intent) ? intent.Value : throw new InvalidDataException($"Unknown label '{label}'.");
}
