namespace ChatOps.TestKit.Bedrock;

/// <summary>A scripted answer of <see cref="FakeBedrockRuntime"/> for one request.</summary>
public sealed class FakeBedrockOutcome
{
    private FakeBedrockOutcome()
    {
    }

    internal TimeSpan Delay { get; private init; }

    internal int? Status { get; private init; }

    internal string? Body { get; private init; }

    internal string? ErrorType { get; private init; }

    internal string? Label { get; private init; }

    /// <summary>429 <c>ThrottlingException</c>, as Bedrock answers when over quota.</summary>
    public static FakeBedrockOutcome Throttle() => Error(429, "ThrottlingException", "Too many requests, please wait before trying again.");

    /// <summary>500 <c>InternalServerException</c>.</summary>
    public static FakeBedrockOutcome ServerError() => Error(500, "InternalServerException", "The server encountered an internal error while processing the request.");

    /// <summary>503 <c>ServiceUnavailableException</c>.</summary>
    public static FakeBedrockOutcome ServiceUnavailable() => Error(503, "ServiceUnavailableException", "Service is temporarily unavailable. Please try again later.");

    /// <summary>400 <c>ValidationException</c> with <paramref name="message"/>.</summary>
    public static FakeBedrockOutcome ValidationError(string message) => Error(400, "ValidationException", message);

    /// <summary>Waits <paramref name="delay"/> (or until the client gives up or the fake stops), then answers normally.</summary>
    public static FakeBedrockOutcome Stall(TimeSpan delay) => new() { Delay = delay };

    /// <summary>Answers a Converse <c>classify_intent</c> tool call with <paramref name="label"/>, whatever was asked.</summary>
    public static FakeBedrockOutcome Classify(string label) => new() { Label = label };

    /// <summary>A Converse answer holding only text, no tool call (a model that ignored the tool).</summary>
    public static FakeBedrockOutcome TextOnly(string text) => Raw(200, ConverseJson.TextAnswer(text));

    /// <summary>Any status and JSON body, no error-type header.</summary>
    public static FakeBedrockOutcome Raw(int status, string body) => new() { Status = status, Body = body };

    /// <summary>An AWS JSON-protocol error: status, <c>x-amzn-ErrorType</c> header and <c>{"message":…}</c>.</summary>
    public static FakeBedrockOutcome Error(int status, string errorType, string message) => new()
    {
        Status = status,
        ErrorType = errorType,
        Body = ConverseJson.ErrorBody(message),
    };
}
