using System.Text.Json.Serialization;

namespace ChatOps.QCliProxy.Chat;

/// <summary>The final line when anything went wrong; <see cref="Code"/> is one of <see cref="ErrorCodes"/>.</summary>
internal sealed record ErrorLine(string Code, string Message)
{
    [JsonPropertyOrder(-1)]
    public string Type => "error";
}
