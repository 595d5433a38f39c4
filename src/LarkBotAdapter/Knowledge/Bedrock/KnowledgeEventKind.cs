namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

/// <summary>What a <see cref="KnowledgeEvent"/> carries.</summary>
public enum KnowledgeEventKind
{
    /// <summary>The Bedrock session id (from the response header); comes first.</summary>
    Session,

    /// <summary>A piece of the generated answer.</summary>
    Output,

    /// <summary>Sources for a span of the answer (usually after the text it cites).</summary>
    Citation,

    /// <summary>The guardrail's action (<c>INTERVENED</c> or <c>NONE</c>).</summary>
    Guardrail,
}
