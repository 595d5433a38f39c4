namespace ChatOps.LarkBotAdapter.Conversations;

/// <summary>The values of <see cref="ChatTurn.Platform"/>: the first part of every claim and thread key, and the
/// <c>channel</c> the proxy protocol knows.</summary>
public static class Platforms
{
    public const string Lark = "lark";
    public const string Slack = "slack";
}
