using System.Text.Json.Serialization;

namespace ChatOps.Contracts;

/// <summary>One NDJSON line of the proxy's answer: <c>chunk</c> (<see cref="Text"/>), then one <c>done</c>
/// (<see cref="ExitCode"/>) or <c>error</c> (<see cref="Code"/>, <see cref="Message"/>). Fields a line does not carry are
/// left out when written, so the proxy writes exactly <c>{"type":"chunk","text":"…"}</c>, <c>{"type":"done","exitCode":0}</c>
/// and <c>{"type":"error","code":"…","message":"…"}</c>.</summary>
internal sealed record QCliStreamLine(
    string? Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Text = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ExitCode = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Code = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Message = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] QCliProposal? Proposal = null)
{
    public const string ChunkType = "chunk";
    public const string ProposalType = "proposal";
    public const string DoneType = "done";
    public const string ErrorType = "error";

    /// <summary>Whether this line ends the answer.</summary>
    [JsonIgnore]
    public bool IsTerminal => Type is DoneType or ErrorType;

    public static QCliStreamLine Chunk(string text) => new(ChunkType, Text: text);

    public static QCliStreamLine Done(int exitCode) => new(DoneType, ExitCode: exitCode);

    /// <summary>Protocol 2: a proposal the agent recorded; the answer goes on after it.</summary>
    public static QCliStreamLine ProposalMade(QCliProposal proposal) => new(ProposalType, Proposal: proposal);

    /// <param name="code">One of <see cref="QCliErrorCodes"/>.</param>
    public static QCliStreamLine Error(string code, string message) => new(ErrorType, Code: code, Message: message);
}
