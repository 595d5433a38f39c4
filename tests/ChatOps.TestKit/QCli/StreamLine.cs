using System.Text.Json;

namespace ChatOps.TestKit.QCli;

/// <summary>One NDJSON line as the client sees it, with the raw JSON kept for shape checks.</summary>
public sealed record StreamLine(string Type, string? Text, int? ExitCode, string? Code, string? Message, string Raw)
{
    public bool IsTerminal => Type is "done" or "error";

    public static StreamLine Parse(string raw)
    {
        using var json = JsonDocument.Parse(raw);
        var root = json.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var v) ? v.GetString() : null;
        int? Number(string name) => root.TryGetProperty(name, out var v) ? v.GetInt32() : null;
        return new StreamLine(Text("type")!, Text("text"), Number("exitCode"), Text("code"), Text("message"), raw);
    }
}
