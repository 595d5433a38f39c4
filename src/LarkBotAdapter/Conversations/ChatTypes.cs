namespace ChatOps.LarkBotAdapter.Conversations;

// The values of ChatTurn.ChatType (Lark's chat_type; Slack maps DMs to Direct).
public static class ChatTypes
{
    // A one-to-one chat with the bot.
    public const string Direct = "p2p";

    // Any chat with more members (a Lark group, a Slack channel).
    public const string Group = "group";
}
