namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// One question to the knowledge base.
// Text: The question, at most BedrockKnowledgeOptions.MaxQuestionCharacters characters.
// SessionId: The Bedrock session to continue, or null to start one.
public sealed record KnowledgeQuery(string Text, string? SessionId);
