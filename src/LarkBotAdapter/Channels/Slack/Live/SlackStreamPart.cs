namespace ChatOps.LarkBotAdapter.Channels.Slack.Live;

// One message of a live answer on Slack: its ts, what it shows, and whether it is still a stream (appended to) or
// shown by editing it.
internal sealed class SlackStreamPart(string ts)
{
    public string Ts { get; } = ts;

    public string Sent { get; set; } = "";

    public bool Streaming { get; set; } = true;
}
