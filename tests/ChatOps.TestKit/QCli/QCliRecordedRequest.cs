using System.Text;
using System.Text.Json.Nodes;

namespace ChatOps.TestKit.QCli;

/// <summary>One request as the fake proxy received it.</summary>
/// <param name="Path">The request path.</param>
/// <param name="Headers">Request headers (names case-insensitive).</param>
/// <param name="Body">The raw body bytes.</param>
/// <param name="Problem">Why the signature was refused (401), or null when it was accepted.</param>
public sealed record QCliRecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body, string? Problem)
{
    public bool Accepted => Problem is null;

    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonObject Json => JsonNode.Parse(Body)?.AsObject() ?? throw new InvalidOperationException("The body is JSON null.");

    public string? ConversationId => (string?)Json["conversationId"];

    public string? Prompt => (string?)Json["prompt"];

    public string? User => (string?)Json["user"];

    public string? Channel => (string?)Json["channel"];

    public string? AwsProfile => (string?)Json["awsProfile"];

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
