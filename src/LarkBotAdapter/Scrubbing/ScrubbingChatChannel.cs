using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Alarms;
using ChatOps.LarkBotAdapter.Conversations.Approvals;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Scrubbing;

// Every channel as it is registered (AddScrubbedChatChannel), so every caller gets it this way: whatever is posted —
// answer segments, error replies, notices, live frames and their status lines, approval cards — is scrubbed first, on
// every platform and in the embedded console. Each capability the inner channel has is wrapped; one it lacks stays
// missing. Reactions carry no text and pass as they are.
public sealed class ScrubbingChatChannel : IChatChannel
{
    private readonly IChatChannel _inner;

    private ScrubbingChatChannel(IChatChannel inner)
    {
        _inner = inner;
        Live = inner.Live is { } live ? new ScrubbingLiveChannel(live) : null;
        Approvals = inner.Approvals is { } approvals ? new ScrubbingApprovalCards(approvals) : null;
        Alarms = inner.Alarms is { } alarms ? new ScrubbingAlarmPosts(alarms) : null;
    }

    // The channel scrubbed (once: a scrubbed channel is returned as it is).
    public static IChatChannel Wrap(IChatChannel channel) => channel as ScrubbingChatChannel ?? new ScrubbingChatChannel(channel);

    public string Platform => _inner.Platform;

    public ILiveReplyChannel? Live { get; }

    public IReactionChannel? Reactions => _inner.Reactions;

    public IApprovalCards? Approvals { get; }

    public IAlarmPosts? Alarms { get; }

    public Task<bool> IsAddressedToBotAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        _inner.IsAddressedToBotAsync(turn, cancellationToken);

    // Slack posts a slash command's question as the thread's parent here: that post is scrubbed too, the question is not.
    public async Task<PreparedTurn> PrepareAsync(ChatTurn turn, IReadOnlyDictionary<int, string> posted, CancellationToken cancellationToken)
    {
        var prepared = await _inner.PrepareAsync(turn with { Text = SecretScrubber.Scrub(turn.Text) }, posted, cancellationToken);
        return prepared with { Turn = prepared.Turn with { Text = turn.Text } };
    }

    public Task<PostReceipt> PostAsync(ChatTurn turn, Segment segment, CancellationToken cancellationToken) =>
        _inner.PostAsync(turn, segment with { Markdown = SecretScrubber.Scrub(segment.Markdown) }, cancellationToken);

    public Task PostNoticeAsync(ChatTurn turn, string noticeKey, string markdown, CancellationToken cancellationToken) =>
        _inner.PostNoticeAsync(turn, noticeKey, SecretScrubber.Scrub(markdown), cancellationToken);
}
