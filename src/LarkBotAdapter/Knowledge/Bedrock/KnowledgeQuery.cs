namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

/// <summary>One question to the knowledge base.</summary>
/// <param name="Text">The question, at most <see cref="BedrockKnowledgeOptions.MaxQuestionCharacters"/> characters.</param>
/// <param name="SessionId">The Bedrock session to continue, or null to start one.</param>
public sealed record KnowledgeQuery(string Text, string? SessionId);
