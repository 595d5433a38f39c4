using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Bedrock;

/// <summary>One request as the fake received it.</summary>
/// <param name="Method">HTTP method.</param>
/// <param name="RawTarget">Path and query exactly as sent (escapes such as <c>%3A</c> kept).</param>
/// <param name="Headers">Request headers (names case-insensitive, multiple values joined with <c>,</c>).</param>
/// <param name="Body">The raw body text.</param>
public sealed record RecordedRequest(string Method, string RawTarget, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The body parsed as JSON.</summary>
    public JsonNode BodyJson() => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The request body is JSON null.");

    /// <summary>A header's value, or null.</summary>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
