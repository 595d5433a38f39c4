namespace ChatOps.TestKit.Bedrock;

/// <summary>A scripted answer of <see cref="FakeBedrockAgentRuntime"/> for one accepted request.</summary>
public sealed record FakeKnowledgeOutcome
{
    private FakeKnowledgeOutcome()
    {
    }

    internal int? Status { get; private init; }

    internal string? ErrorType { get; private init; }

    internal string? Message { get; private init; }

    internal FakeKnowledgeAnswer? Answer { get; private init; }

    internal bool Guardrail { get; private init; }

    internal (int AfterFrames, string Type, string Message)? StreamException { get; private init; }

    internal (int AfterFrames, Task Gate)? Pause { get; private init; }

    /// <summary>Answers with <paramref name="answer"/>.</summary>
    public static FakeKnowledgeOutcome Answering(FakeKnowledgeAnswer answer) => new() { Answer = answer };

    /// <summary>The guardrail blocks the answer: a <c>guardrail</c> event (INTERVENED), then Bedrock's blocked-message text.</summary>
    public static FakeKnowledgeOutcome GuardrailIntervened() => new()
    {
        Guardrail = true,
        Answer = FakeKnowledgeAnswer.Of(FakeKnowledgeAnswer.Part("Sorry, the model cannot answer this question.")),
    };

    /// <summary>429 <c>ThrottlingException</c>.</summary>
    public static FakeKnowledgeOutcome Throttle() => Error(429, "ThrottlingException", "Your request rate is too high. Reduce the frequency of requests.");

    /// <summary>500 <c>InternalServerException</c>.</summary>
    public static FakeKnowledgeOutcome ServerError() => Error(500, "InternalServerException", "An internal server error occurred. Retry your request.");

    /// <summary>403 <c>AccessDeniedException</c>, as when the role lacks <c>bedrock:RetrieveAndGenerate</c>.</summary>
    public static FakeKnowledgeOutcome AccessDenied() => Error(403, "AccessDeniedException",
        "User: arn:aws:sts::000000000000:assumed-role/test-role/test is not authorized to perform: bedrock:RetrieveAndGenerate");

    /// <summary>404 <c>ResourceNotFoundException</c> for an unknown knowledge base.</summary>
    public static FakeKnowledgeOutcome KnowledgeBaseNotFound() => Error(404, "ResourceNotFoundException", "Knowledge base with id TESTKB0000 does not exist");

    /// <summary>400 <c>ValidationException</c> for a session id Bedrock does not know (the fake also does this by itself
    /// for ids it never issued or has forgotten).</summary>
    public static FakeKnowledgeOutcome InvalidSession() => Error(400, "ValidationException", FakeBedrockAgentRuntime.InvalidSessionMessage);

    /// <summary>400 <c>ValidationException</c> with <paramref name="message"/>.</summary>
    public static FakeKnowledgeOutcome ValidationError(string message) => Error(400, "ValidationException", message);

    /// <summary>An AWS error answer: status, <c>x-amzn-ErrorType</c> header and <c>{"message":…}</c>.</summary>
    public static FakeKnowledgeOutcome Error(int status, string errorType, string message) => new() { Status = status, ErrorType = errorType, Message = message };

    /// <summary>Streams the first <paramref name="frames"/> frames, then an exception event (e.g. <c>throttlingException</c>) and ends.</summary>
    public FakeKnowledgeOutcome FailingAfter(int frames, string exceptionType = "internalServerException", string message = "An internal server error occurred.") =>
        this with { StreamException = (frames, exceptionType, message) };

    /// <summary>Streams the first <paramref name="frames"/> frames, then waits for <paramref name="gate"/> before the rest.</summary>
    public FakeKnowledgeOutcome PausingAfter(int frames, Task gate) => this with { Pause = (frames, gate) };
}
