using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Scrubbing;

/// <summary>Every channel as <see cref="ChatChannels"/> hands it out: whatever is posted — answer segments, error
/// replies, notices — is scrubbed first, on every platform and in the embedded console.</summary>
internal sealed class ScrubbingChatChannel(IChatChannel inner) : IChatChannel
{
    public string Platform => inner.Platform;

    public Task<bool> IsAddressedToBotAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        inner.IsAddressedToBotAsync(turn, cancellationToken);

    // Slack posts a slash command's question as the thread's parent here: that post is scrubbed too, the question is not.
    public async Task<PreparedTurn> PrepareAsync(ChatTurn turn, IReadOnlyDictionary<int, string> posted, CancellationToken cancellationToken)
    {
        var prepared = await inner.PrepareAsync(turn with { Text = SecretScrubber.Scrub(turn.Text) }, posted, cancellationToken);
        return prepared with { Turn = prepared.Turn with { Text = turn.Text } };
    }

    public Task<PostReceipt> PostAsync(ChatTurn turn, Segment segment, CancellationToken cancellationToken) =>
        inner.PostAsync(turn, segment with { Markdown = SecretScrubber.Scrub(segment.Markdown) }, cancellationToken);

    public Task PostNoticeAsync(ChatTurn turn, string noticeKey, string markdown, CancellationToken cancellationToken) =>
        inner.PostNoticeAsync(turn, noticeKey, SecretScrubber.Scrub(markdown), cancellationToken);
}
