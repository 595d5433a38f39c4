using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Local;

// The embedded mode's "chat": keeps the segments the worker posts so the command can print them, and hands each to
// Posted as it arrives (ask prints the answer while it streams).
public sealed class ConsoleChatChannel : IChatChannel
{
    public const string PlatformName = "console";
    private readonly List<Segment> _segments = [];

    public string Platform => PlatformName;

    public Action<Segment>? Posted { get; set; }

    public IReadOnlyList<Segment> Segments
    {
        get
        {
            lock (_segments)
            {
                return _segments.ToArray();
            }
        }
    }

    public Task<bool> IsAddressedToBotAsync(ChatTurn turn, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<PostReceipt> PostAsync(ChatTurn turn, Segment segment, CancellationToken cancellationToken)
    {
        Keep(segment);
        return Task.FromResult(PostReceipt.Of(segment.Index, PlatformName));
    }

    public Task PostNoticeAsync(ChatTurn turn, string noticeKey, string markdown, CancellationToken cancellationToken)
    {
        Keep(new Segment(-1, markdown, IsFinal: true));
        return Task.CompletedTask;
    }

    private void Keep(Segment segment)
    {
        lock (_segments)
        {
            _segments.Add(segment);
        }

        Posted?.Invoke(segment);
    }
}
