namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// A span of the generated answer and the sources it is based on.
// Start: Where the cited text starts in the whole answer, when Bedrock says.
// End: Where it ends (Bedrock's span.end, taken as the index of the last cited character).
// Text: The cited part of the answer, when Bedrock includes it.
// References: The retrieved sources.
public sealed record KnowledgeCitation(int? Start, int? End, string? Text, IReadOnlyList<KnowledgeReference> References)
{
    // The position just after the cited text: start + the cited text's length when both are known (this avoids
    // guessing whether span.end is inclusive), else span.end + 1; null when Bedrock gave no span.
    public int? EndExclusive => Start is { } start && Text is { Length: > 0 } text ? start + text.Length
        : End is { } end ? end + 1
        : null;
}
