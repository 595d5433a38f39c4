namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

/// <summary>A whole (non-streamed) RetrieveAndGenerate answer.</summary>
/// <param name="Text">The generated answer (for a guardrail intervention: Bedrock's blocked-message text).</param>
/// <param name="Citations">Cited spans and their sources.</param>
/// <param name="GuardrailAction"><c>INTERVENED</c>, <c>NONE</c> or null.</param>
/// <param name="SessionId">The session to continue with.</param>
public sealed record KnowledgeAnswer(string Text, IReadOnlyList<KnowledgeCitation> Citations, string? GuardrailAction, string? SessionId)
{
    /// <summary>The answer as events: session, guardrail (before the text, so a blocked text is never shown), citations
    /// (before the text, so each marker lands exactly at its span end), then the text.</summary>
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
