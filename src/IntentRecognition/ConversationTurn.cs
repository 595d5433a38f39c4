namespace ChatOps.IntentRecognition;

/// <summary>One earlier turn of a thread.</summary>
/// <param name="Role"><c>user</c> or <c>assistant</c>.</param>
/// <param name="Text">What was said (possibly truncated).</param>
/// <param name="Intent">The route the turn took, when it was a classified user turn.</param>
public sealed record ConversationTurn(string Role, string Text, Intent? Intent = null)
{
    /// <summary>Role of the asking user.</summary>
    public const string User = "user";

    /// <summary>Role of the bot.</summary>
    public const string Assistant = "assistant";
}
