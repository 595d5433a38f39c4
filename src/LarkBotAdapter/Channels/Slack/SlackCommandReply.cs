namespace ChatOps.LarkBotAdapter.Channels.Slack;

/// <summary>What <c>POST /slack/commands</c> answers: 200 with an ephemeral message (only the asker sees it), or an
/// error status.</summary>
public sealed record SlackCommandReply(int StatusCode, string Text)
{
    public static SlackCommandReply Ephemeral(string text) => new(200, text);
}
