namespace ChatOps.LarkBotAdapter.Conversations;

// The values of ChatTurn.Platform: the first part of every claim and thread key, and the
// channel the proxy protocol knows.
public static class Platforms
{
    public const string Lark = "lark";
    public const string Slack = "slack";

    // The platform as people write it ("Lark", "Slack"), for messages.
    public static string DisplayName(string platform) => platform switch
    {
        Lark => "Lark",
        Slack => "Slack",
        _ => platform,
    };
}
