namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

/// <summary>A span of the generated answer and the sources it is based on.</summary>
/// <param name="Start">Where the cited text starts in the whole answer, when Bedrock says.</param>
/// <param name="End">Where it ends (Bedrock's <c>span.end</c>, taken as the index of the last cited character).</param>
/// <param name="Text">The cited part of the answer, when Bedrock includes it.</param>
/// <param name="References">The retrieved sources.</param>
public sealed record KnowledgeCitation(int? Start, int? End, string? Text, IReadOnlyList<KnowledgeReference> References)
{
    /// <summary>The position just after the cited text: start + the cited text's length when both are known (this avoids
    /// guessing whether <c>span.end</c> is inclusive), else <c>span.end + 1</c>; null when Bedrock gave no span.</summary>
    public int? EndExclusive => Start is { } start && Text is { Length: > 0 } text ? start + text.Length
        : End is { } end ? end + 1
        : null;
}
