namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

/// <summary>One event of a knowledge-base answer, streamed or not.</summary>
/// <param name="Kind">Which of the other fields is set.</param>
/// <param name="Text">Output text, the session id, or the guardrail action.</param>
/// <param name="Citation">The citation, for <see cref="KnowledgeEventKind.Citation"/>.</param>
public sealed record KnowledgeEvent(KnowledgeEventKind Kind, string? Text = null, KnowledgeCitation? Citation = null)
{
    /// <summary>The guardrail action Bedrock reports when it blocked the answer.</summary>
    public const string Intervened = "INTERVENED";

    public static KnowledgeEvent Session(string sessionId) => new(KnowledgeEventKind.Session, sessionId);

    public static KnowledgeEvent Output(string text) => new(KnowledgeEventKind.Output, text);

    public static KnowledgeEvent Cited(KnowledgeCitation citation) => new(KnowledgeEventKind.Citation, Citation: citation);

    public static KnowledgeEvent Guardrail(string action) => new(KnowledgeEventKind.Guardrail, action);

    /// <summary>Whether this is a guardrail intervention.</summary>
    public bool IsIntervention => Kind == KnowledgeEventKind.Guardrail && string.Equals(Text, Intervened, StringComparison.OrdinalIgnoreCase);
}
