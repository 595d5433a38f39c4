using ChatOps.LarkBotAdapter.Conversations.Alarms;
using ChatOps.LarkBotAdapter.Conversations.Approvals;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Conversations;

// A chat platform as the worker sees it: who is addressed, and where replies go.
public interface IChatChannel
{
    // lark, slack, or console for the embedded mode.
    string Platform { get; }

    // What the channel can do besides posting: each is null where the platform cannot (callers write
    // `channel.Live is { } live`). Live: one message that grows with the answer. Reactions: on the asker's message.
    // Approvals: approval cards with buttons (without them, Approvals posts the proposal as a plain message).
    ILiveReplyChannel? Live => null;

    IReactionChannel? Reactions => null;

    IApprovalCards? Approvals => null;

    // Alarms: new messages in a chat (not replies) for CloudWatch alarms, updated as the alarm resolves.
    IAlarmPosts? Alarms => null;

    // The worker-side check for turns the ingress could not decide (the bot's own id was not known yet).
    Task<bool> IsAddressedToBotAsync(ChatTurn turn, CancellationToken cancellationToken);

    // Runs once before the first reply, given what earlier runs of the job posted (position → message id),
    // and returns the turn replies should use. Platforms where a question can arrive without a message (Slack slash
    // commands) post the parent message here and return it to be recorded; others return the turn.
    Task<PreparedTurn> PrepareAsync(ChatTurn turn, IReadOnlyDictionary<int, string> posted, CancellationToken cancellationToken) =>
        Task.FromResult(new PreparedTurn(turn));

    // Renders and sends one segment at its position in the turn's thread; the worker has already skipped
    // positions an earlier run posted, and records what the receipt names. Where the platform has an idempotency key it
    // derives from (message, position). Throws ReplyFailedException when the platform refuses it.
    Task<PostReceipt> PostAsync(ChatTurn turn, Segment segment, CancellationToken cancellationToken);

    // Posts a short notice in the turn's thread outside any job (the ingress could not take the message).
    // Posting the same noticeKey for the same message again posts nothing new where the platform
    // de-duplicates (Lark's reply uuid). Throws when the platform refuses or cannot be reached.
    Task PostNoticeAsync(ChatTurn turn, string noticeKey, string markdown, CancellationToken cancellationToken);
}
