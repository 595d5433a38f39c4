namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// A whole (non-streamed) RetrieveAndGenerate answer.
// Text: The generated answer (for a guardrail intervention: Bedrock's blocked-message text).
// Citations: Cited spans and their sources.
// GuardrailAction: INTERVENED, NONE or null.
// SessionId: The session to continue with.
public sealed record KnowledgeAnswer(string Text, IReadOnlyList<KnowledgeCitation> Citations, string? GuardrailAction, string? SessionId)
{
    // The answer as events: session, guardrail (before the text, so a blocked text is never shown), citations
    // (before the text, so each marker lands exactly at its span end), then the text.
    public IEnumerable<KnowledgeEvent> ToEvents()
    {
        if (SessionId is { Length: > 0 })
        {
            yield return KnowledgeEvent.Session(SessionId);
        }
        if (GuardrailAction is { Length: > 0 })
        {
            yield return KnowledgeEvent.Guardrail(GuardrailAction);
        }
        foreach (var citation in Citations)
        {
            yield return KnowledgeEvent.Cited(citation);
        }
        yield return KnowledgeEvent.Output(Text);
    }
}
