namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// What a KnowledgeEvent carries.
public enum KnowledgeEventKind
{
    // The Bedrock session id (from the response header); comes first.
    Session,

    // A piece of the generated answer.
    Output,

    // Sources for a span of the answer (usually after the text it cites).
    Citation,

    // The guardrail's action (INTERVENED or NONE).
    Guardrail,
}
