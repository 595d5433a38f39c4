using System.Text.Json.Serialization;

namespace ChatOps.QCliProxy.Chat;

/// <summary>A <c>chunk</c> line of the NDJSON response: cleaned CLI output, in order.</summary>
internal sealed record ChunkLine(string Text)
{
    [JsonPropertyOrder(-1)]
    public string Type => "chunk";
}
