using System.Text.Json.Serialization;

namespace ChatOps.QCliProxy.Chat;

/// <summary>The final line when the CLI exited with 0.</summary>
internal sealed record DoneLine(int ExitCode)
{
    [JsonPropertyOrder(-1)]
    public string Type => "done";
}
