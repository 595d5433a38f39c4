namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// One event of a knowledge-base answer, streamed or not.
// Kind: Which of the other fields is set.
// Text: Output text, the session id, or the guardrail action.
// Citation: The citation, for KnowledgeEventKind.Citation.
public sealed record KnowledgeEvent(KnowledgeEventKind Kind, string? Text = null, KnowledgeCitation? Citation = null)
{
    // The guardrail action Bedrock reports when it blocked the answer.
    public const string Intervened = "INTERVENED";

    public static KnowledgeEvent Session(string sessionId) => new(KnowledgeEventKind.Session, sessionId);

    public static KnowledgeEvent Output(string text) => new(KnowledgeEventKind.Output, text);

    public static KnowledgeEvent Cited(KnowledgeCitation citation) => new(KnowledgeEventKind.Citation, Citation: citation);

    public static KnowledgeEvent Guardrail(string action) => new(KnowledgeEventKind.Guardrail, action);

    // Whether this is a guardrail intervention.
    public bool IsIntervention => Kind == KnowledgeEventKind.Guardrail && string.Equals(Text, Intervened, StringComparison.OrdinalIgnoreCase);
}
