namespace ChatOps.QCliProxy.Chat;

/// <summary>The body of <c>POST /v1/chat</c> (DESIGN 4.3).</summary>
public sealed record ChatRequest(string? ConversationId, string? Prompt, string? User, string? Channel, string? AwsProfile);
