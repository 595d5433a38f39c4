namespace ChatOps.IntentRecognition;

/// <summary>Tokens a model call used, as Converse reports them in <c>usage</c>.</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Generated tokens.</param>
public sealed record TokenUsage(int InputTokens, int OutputTokens);
