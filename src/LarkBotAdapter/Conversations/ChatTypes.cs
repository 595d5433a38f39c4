namespace ChatOps.LarkBotAdapter.Conversations;

/// <summary>The values of <see cref="ChatTurn.ChatType"/> (Lark's <c>chat_type</c>; Slack maps DMs to <see cref="Direct"/>).</summary>
public static class ChatTypes
{
    /// <summary>A one-to-one chat with the bot.</summary>
    public const string Direct = "p2p";

    /// <summary>Any chat with more members (a Lark group, a Slack channel).</summary>
    public const string Group = "group";
}
