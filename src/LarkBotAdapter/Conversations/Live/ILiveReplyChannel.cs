namespace ChatOps.LarkBotAdapter.Conversations.Live;

/// <summary>A channel that can show an answer live: one message that grows as the answer is written (a Lark streaming
/// card, a Slack stream), with a status line while it is made. The worker chooses it over segmented posts and falls
/// back to them when <see cref="StartAsync"/> declines.</summary>
public interface ILiveReplyChannel
{
    /// <summary>Starts the live reply of <paramref name="turn"/> showing <paramref name="first"/>. Null when this turn
    /// cannot have one: the app or workspace cannot stream (decided once per app or workspace, and logged), or the turn
    /// is answered elsewhere (a slash command through its response_url). What earlier runs of the job started is in
    /// <paramref name="ledger"/>; a retry replaces that message's content with its own answer.</summary>
    Task<ILiveReply?> StartAsync(ChatTurn turn, ILiveReplyLedger ledger, LiveFrame first, CancellationToken cancellationToken);

    /// <summary>Shows what the bot is doing before the answer's first text (Slack's assistant status). Best effort: a
    /// failure is the channel's to log, never the caller's.</summary>
    Task ShowStatusAsync(ChatTurn turn, string status, CancellationToken cancellationToken) => Task.CompletedTask;
}
