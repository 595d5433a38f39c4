using System.Text.Json.Nodes;

namespace ChatOps.TestKit.QCli;

/// <summary>A scripted answer of <see cref="FakeQCliProxy"/>: either a status before streaming (429, 500, …) or NDJSON
/// lines written one at a time with a flush after each, with optional pauses, gates, a dropped connection or a hang.</summary>
public sealed class FakeQCliReply
{
    private readonly List<Step> _steps = [];

    private FakeQCliReply()
    {
    }

    internal int? Status { get; private init; }

    internal string? StatusBody { get; private init; }

    internal IReadOnlyList<Step> Steps => _steps;

    /// <summary>Starts a streamed answer with these chunk texts (none is fine).</summary>
    public static FakeQCliReply Chunks(params string[] texts)
    {
        var reply = new FakeQCliReply();
        foreach (var text in texts)
        {
            reply.Chunk(text);
        }
        return reply;
    }

    /// <summary>429 before streaming, as the proxy answers when every slot and the queue are taken.</summary>
    public static FakeQCliReply Busy() => Refuse(429, ErrorLine("busy", "all CLI slots are in use and the queue is full"));

    /// <summary>Any status before streaming, with an optional body.</summary>
    public static FakeQCliReply Refuse(int status, string? body = null) => new() { Status = status, StatusBody = body };

    /// <summary>Never sends even the response headers.</summary>
    public static FakeQCliReply Silent() => new() { Status = -1 };

    public FakeQCliReply Chunk(string text) => Add(Step.Line(new JsonObject { ["type"] = "chunk", ["text"] = text }.ToJsonString()));

    /// <summary>A protocol-2 proposal line; the fake proxy keeps the proposal for its execute endpoint.</summary>
    public FakeQCliReply Proposal(FakeProposal proposal, string? hash = null)
    {
        Proposals.Add(proposal);
        return Add(Step.Line(proposal.Line(hash)));
    }

    internal List<FakeProposal> Proposals { get; } = [];

    /// <summary>Any raw line (a newline is appended), for malformed output.</summary>
    public FakeQCliReply Raw(string line) => Add(Step.Line(line));

    public FakeQCliReply Done(int exitCode = 0) => Add(Step.Line(new JsonObject { ["type"] = "done", ["exitCode"] = exitCode }.ToJsonString()));

    public FakeQCliReply Error(string code, string message) => Add(Step.Line(ErrorLine(code, message)));

    public FakeQCliReply Pause(TimeSpan delay) => Add(new Step(StepKind.Pause, Delay: delay));

    /// <summary>Waits for <paramref name="gate"/> before writing on (lets a test see earlier lines arrive first).</summary>
    public FakeQCliReply WaitFor(Task gate) => Add(new Step(StepKind.Gate, Gate: gate));

    /// <summary>Aborts the connection here, without a terminal line.</summary>
    public FakeQCliReply Drop() => Add(new Step(StepKind.Drop));

    /// <summary>Keeps the stream open until the client goes away or the fake stops.</summary>
    public FakeQCliReply Hang() => Add(new Step(StepKind.Hang));

    /// <summary>Ends the response normally here (a stream without its terminal line, if none was written).</summary>
    public FakeQCliReply End() => this;

    internal static string ErrorLine(string code, string message) =>
        new JsonObject { ["type"] = "error", ["code"] = code, ["message"] = message }.ToJsonString();

    private FakeQCliReply Add(Step step)
    {
        _steps.Add(step);
        return this;
    }

    internal enum StepKind
    {
        Line,
        Pause,
        Gate,
        Drop,
        Hang,
    }

    internal sealed record Step(StepKind Kind, string? Text = null, TimeSpan Delay = default, Task? Gate = null)
    {
        public static Step Line(string text) => new(StepKind.Line, text);
    }
}
