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

    /// <summary>In memory, except that reading or writing posted segments fails like an unreachable table when asked.</summary>
    public sealed class OutageStore : IStateStore
    {
        public InMemoryStateStore Inner { get; } = new(TimeProvider.System);

        public bool FailReads { get; set; }

        public bool FailWrites { get; set; }

        public bool FailThreadMarks { get; set; }

        public Task<IReadOnlyDictionary<int, string>> GetPostedSegmentsAsync(string jobKey, CancellationToken cancellationToken) =>
            FailReads ? Task.FromException<IReadOnlyDictionary<int, string>>(Down()) : Inner.GetPostedSegmentsAsync(jobKey, cancellationToken);

        public Task RecordPostedSegmentAsync(string jobKey, int index, string messageRef, TimeSpan ttl, CancellationToken cancellationToken) =>
            FailWrites ? Task.FromException(Down()) : Inner.RecordPostedSegmentAsync(jobKey, index, messageRef, ttl, cancellationToken);

        public Task MarkThreadActiveAsync(string threadKey, TimeSpan ttl, CancellationToken cancellationToken) =>
            FailThreadMarks ? Task.FromException(Down()) : Inner.MarkThreadActiveAsync(threadKey, ttl, cancellationToken);

        public Task<bool> TryClaimAsync(string claimKey, string owner, TimeSpan ttl, CancellationToken cancellationToken) =>
            Inner.TryClaimAsync(claimKey, owner, ttl, cancellationToken);

        public Task ReleaseClaimAsync(string claimKey, string owner, CancellationToken cancellationToken) =>
            Inner.ReleaseClaimAsync(claimKey, owner, cancellationToken);

        public Task<JobLease> TryLeaseJobAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken) =>
            Inner.TryLeaseJobAsync(jobKey, owner, leaseFor, cancellationToken);

        public Task<bool> RenewJobLeaseAsync(string jobKey, string owner, TimeSpan leaseFor, CancellationToken cancellationToken) =>
            Inner.RenewJobLeaseAsync(jobKey, owner, leaseFor, cancellationToken);

        public Task CompleteJobAsync(string jobKey, string owner, TimeSpan keepFor, CancellationToken cancellationToken) =>
            Inner.CompleteJobAsync(jobKey, owner, keepFor, cancellationToken);

        public Task ReleaseJobLeaseAsync(string jobKey, string owner, CancellationToken cancellationToken) =>
            Inner.ReleaseJobLeaseAsync(jobKey, owner, cancellationToken);

        public Task<int> CountInWindowAsync(string windowKey, string member, int cap, TimeSpan ttl, CancellationToken cancellationToken) =>
            Inner.CountInWindowAsync(windowKey, member, cap, ttl, cancellationToken);

        public Task<bool> IsThreadActiveAsync(string threadKey, CancellationToken cancellationToken) =>
            Inner.IsThreadActiveAsync(threadKey, cancellationToken);

        public Task<ThreadContext?> GetThreadAsync(string threadKey, CancellationToken cancellationToken) =>
            Inner.GetThreadAsync(threadKey, cancellationToken);

        public Task SaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken) =>
            Inner.SaveThreadAsync(thread, ttl, cancellationToken);

        private static StateUnavailableException Down() => new("DynamoDB state table 'test' is unavailable (ConnectionError).");
    }
}
