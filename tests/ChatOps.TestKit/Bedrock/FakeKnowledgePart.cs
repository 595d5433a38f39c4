namespace ChatOps.TestKit.Bedrock;

/// <summary>A part of a fake answer and the documents it cites (none: not cited).</summary>
public sealed record FakeKnowledgePart(string Text, IReadOnlyList<FakeSource> Sources);
