using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Tests.Worker;

/// <summary>A chat channel that keeps what it was asked to send and answers with a message id per position, and a
/// state store whose posted-segment record can be made unreachable.</summary>
internal static class ReplyTesting
{
    public static ChatTurn Turn(string messageId = "om_reply_state") =>
        new("lark", "cli_test", "oc_chat", "group", messageId, null, null, "ou_user", "text", "how do I restart checkout-api?", []);

    public sealed class RecordingChannel : IChatChannel
    {
        private readonly List<Segment> _sent = [];

        public string Platform => "lark";

        public IReadOnlyList<Segment> Sent => _sent;

        public PostReceipt? ThreadStarter { get; init; }

        public IReadOnlyDictionary<int, string>? PreparedWith { get; private set; }

        public Task<bool> IsAddressedToBotAsync(ChatTurn turn, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<PreparedTurn> PrepareAsync(ChatTurn turn, IReadOnlyDictionary<int, string> posted, CancellationToken cancellationToken)
        {
            PreparedWith = new Dictionary<int, string>(posted);
            return Task.FromResult(new PreparedTurn(ThreadStarter is null ? turn : turn with { RootId = ThreadStarter.MessageRef }, ThreadStarter));
        }

        public Task<PostReceipt> PostAsync(ChatTurn turn, Segment segment, CancellationToken cancellationToken)
        {
            _sent.Add(segment);
            return Task.FromResult(PostReceipt.Of(segment.Index, $"om_{segment.Index}"));
        }

        public Task PostNoticeAsync(ChatTurn turn, string noticeKey, string markdown, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
