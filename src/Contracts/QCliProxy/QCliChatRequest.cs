namespace ChatOps.Contracts;

/// <summary>The body of <c>POST /v1/chat</c> (docs/CONTRACTS.md §3.1). Every field is nullable because the proxy reads whatever a
/// client sent and validates it; the bot always fills the first four.</summary>
/// <param name="ConversationId">The thread's key, so the proxy resumes the same CLI conversation for follow-ups.</param>
/// <param name="Prompt">The user's question as plain text.</param>
/// <param name="User">The sender's platform id.</param>
/// <param name="Channel"><c>lark</c> or <c>slack</c>.</param>
/// <param name="AwsProfile">A profile from the proxy's list, or null for its default (written as <c>null</c>).</param>
internal sealed record QCliChatRequest(string? ConversationId, string? Prompt, string? User, string? Channel, string? AwsProfile);
