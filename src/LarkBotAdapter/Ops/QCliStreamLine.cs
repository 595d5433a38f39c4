namespace ChatOps.LarkBotAdapter.Ops;

/// <summary>One NDJSON line of the proxy's answer: <c>chunk</c> (<see cref="Text"/>), then one <c>done</c>
/// (<see cref="ExitCode"/>) or <c>error</c> (<see cref="Code"/>, <see cref="Message"/>).</summary>
public sealed record QCliStreamLine(string? Type, string? Text = null, int? ExitCode = null, string? Code = null, string? Message = null)
{
    public const string ChunkType = "chunk";
    public const string DoneType = "done";
    public const string ErrorType = "error";

    /// <summary>Whether this line ends the answer.</summary>
    public bool IsTerminal => Type is DoneType or ErrorType;
}
