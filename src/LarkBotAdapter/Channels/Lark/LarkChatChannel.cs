using System.Security.Cryptography;
using System.Text;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Worker;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

/// <summary>Lark as the worker sees it: thread replies as <c>post</c> messages with a stable uuid per segment. Lark
/// de-duplicates a uuid for one hour only, and a Lambda retry may come later, so each posted segment is also recorded
/// (<see cref="IStateStore.RecordPostedSegmentAsync"/>, keyed by the claim key) and a retried job skips what was
/// already posted, continuing after it.</summary>
public sealed partial class LarkChatChannel(
    IOptionsMonitor<LarkOptions> options,
    LarkOpenApiClient client,
    LarkBotIdentity identity,
    IStateStore state,
    WorkerOptions worker,
    ILogger<LarkChatChannel> logger) : IChatChannel
{
    private readonly Dictionary<string, HashSet<int>> _posted = new(StringComparer.Ordinal);

    public string Platform => "lark";

    public async Task<bool> IsAddressedToBotAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.IsDirect)
        {
            return true;
        }
        var botId = await identity.GetAsync(App(turn), cancellationToken);
        return turn.MentionedIds.Contains(botId, StringComparer.Ordinal);
    }

    public async Task PostAsync(ChatTurn turn, Segment segment, CancellationToken cancellationToken)
    {
        var posted = await PostedAsync(turn, cancellationToken);
        if (posted.Contains(segment.Index))
        {
            return; // posted by an earlier attempt of this job
        }
        var messageId = await ReplyAsync(turn, segment, IdempotencyKey(turn.MessageId, segment.Index), cancellationToken);
        posted.Add(segment.Index);
        try
        {
            await state.RecordPostedSegmentAsync(turn.ClaimKey, segment.Index, messageId ?? "posted", worker.ClaimTtl, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            // The uuid still covers a retry within Lark's hour.
            Log.StateFailed(logger, turn.ClaimKey, ex);
        }
    }

    public Task PostNoticeAsync(ChatTurn turn, string noticeKey, string markdown, CancellationToken cancellationToken) =>
        ReplyAsync(turn, new Segment(0, markdown, IsFinal: true), NoticeIdempotencyKey(turn.MessageId, noticeKey), cancellationToken);

    /// <summary>Lark's reply <c>uuid</c> (≤ 50 chars): the same message and segment always give the same key.</summary>
    public static string IdempotencyKey(string messageId, int segmentIndex) => Hash($"{messageId}#{segmentIndex}");

    /// <summary>The reply <c>uuid</c> of a notice: the same message and notice always give the same key, so Lark posts a
    /// notice repeated by redeliveries within an hour once.</summary>
    public static string NoticeIdempotencyKey(string messageId, string noticeKey) => Hash($"{messageId}#notice:{noticeKey}");

    private static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));

    private async Task<string?> ReplyAsync(ChatTurn turn, Segment segment, string uuid, CancellationToken cancellationToken)
    {
        try
        {
            return await client.ReplyAsync(
                App(turn), turn.MessageId, "post", LarkPostRenderer.ToPostContent(segment), uuid, cancellationToken);
        }
        catch (LarkApiException ex)
        {
            throw new ReplyFailedException(ex.Message, targetGone: ex.IsMessageRecalled, transient: ex.IsTransient, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ReplyFailedException($"Lark could not be reached: {ex.Message}", targetGone: false, transient: true, ex);
        }
    }

    private async Task<HashSet<int>> PostedAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (_posted.TryGetValue(turn.ClaimKey, out var posted))
        {
            return posted;
        }
        try
        {
            posted = [.. (await state.GetPostedSegmentsAsync(turn.ClaimKey, cancellationToken)).Keys];
        }
        catch (StateUnavailableException ex)
        {
            Log.StateFailed(logger, turn.ClaimKey, ex);
            posted = [];
        }
        return _posted[turn.ClaimKey] = posted;
    }

    private LarkApp App(ChatTurn turn) =>
        options.CurrentValue.Find(turn.AppId) ?? throw new ReplyFailedException($"Lark app {turn.AppId} is no longer configured.", targetGone: true, transient: false);

    private static partial class Log
    {
        [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: posted-segment record unavailable; relying on Lark's uuid de-duplication")]
        public static partial void StateFailed(ILogger logger, string claimKey, Exception exception);
    }
}
