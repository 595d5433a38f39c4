namespace ChatOps.LarkBotAdapter.Conversations.Live;

// A channel that can show an answer live: one message that grows as the answer is written (a Lark streaming
// card, a Slack stream), with a status line while it is made. The worker chooses it over segmented posts and falls
// back to them when StartAsync declines.
public interface ILiveReplyChannel
{
    // Starts the live reply of turn showing first. Null when this turn
    // cannot have one: the app or workspace cannot stream (decided once per app or workspace, and logged), or the turn
    // is answered elsewhere (a slash command through its response_url). What earlier runs of the job started is in
    // ledger; a retry replaces that message's content with its own answer.
    Task<ILiveReply?> StartAsync(ChatTurn turn, ILiveReplyLedger ledger, LiveFrame first, CancellationToken cancellationToken);

    // Shows what the bot is doing before the answer's first text (Slack's assistant status). Best effort: a
    // failure is the channel's to log, never the caller's.
    Task ShowStatusAsync(ChatTurn turn, string status, CancellationToken cancellationToken) => Task.CompletedTask;
}
