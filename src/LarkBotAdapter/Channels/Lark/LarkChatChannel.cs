using System.Security.Cryptography;
using System.Text;
using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Channels.Lark.Live;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Approvals;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Feedback;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Replies;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

// Lark as the worker sees it: thread replies as post messages with a stable uuid per (message, position),
// so a post retried within Lark's hour is not posted twice. Lark forgets a uuid after that hour, which is why the worker
// also records each post and skips recorded positions on a retried job (Worker.PostedSegments).
// Live answers are streaming cards (LarkLiveCards); reactions mark the asker's message. The last segment of a
// segmented answer (the fallback) that carries feedback goes out as a finished card with the 👍/👎 buttons.
public sealed partial class LarkChatChannel(
    IOptionsMonitor<LarkOptions> options,
    LarkOpenApiClient client,
    LarkBotIdentity identity,
    LarkLiveCards liveCards,
    LarkCardLimits cardLimits,
    ILogger<LarkChatChannel> logger) : IChatChannel, ILiveReplyChannel, IReactionChannel, IApprovalCards
{
    // Lark emoji types of the bot's reactions.
    public const string WorkingEmoji = "OnIt";
    public const string DoneEmoji = "DONE";
    public const string FailedEmoji = "CrossMark";

    public string Platform => Platforms.Lark;

    public ILiveReplyChannel? Live => this;

    public IReactionChannel? Reactions => this;

    public IApprovalCards? Approvals => this;

    public Task<bool> IsAddressedToBotAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        AddressPolicy.IsForBotAsync(turn, () => identity.GetAsync(App(turn), client, cancellationToken));

    public async Task<PostReceipt> PostAsync(ChatTurn turn, Segment segment, CancellationToken cancellationToken)
    {
        var uuid = IdempotencyKey(turn.MessageId, segment.Index);
        var messageId = segment.Feedback is { } feedback
            ? await ReplyWithButtonsAsync(turn, segment, feedback, uuid, cancellationToken)
            : await ReplyAsync(turn, segment, uuid, cancellationToken);
        return PostReceipt.Of(segment.Index, messageId ?? "posted");
    }

    public Task PostNoticeAsync(ChatTurn turn, string noticeKey, string markdown, CancellationToken cancellationToken) =>
        ReplyAsync(turn, new Segment(0, markdown, IsFinal: true), NoticeIdempotencyKey(turn.MessageId, noticeKey), cancellationToken);

    public Task<ILiveReply?> StartAsync(ChatTurn turn, ILiveReplyLedger ledger, LiveFrame first, CancellationToken cancellationToken) =>
        liveCards.StartAsync(App(turn), turn, ledger, first, cancellationToken);

    public Task<string> AddReactionAsync(ChatTurn turn, Reaction reaction, CancellationToken cancellationToken) =>
        client.AddReactionAsync(App(turn), turn.MessageId, reaction switch
        {
            Reaction.Working => WorkingEmoji,
            Reaction.Done => DoneEmoji,
            _ => FailedEmoji,
        }, cancellationToken);

    public Task RemoveReactionAsync(ChatTurn turn, Reaction reaction, string reactionRef, CancellationToken cancellationToken) =>
        client.DeleteReactionAsync(App(turn), turn.MessageId, reactionRef, cancellationToken);

    // Lark's reply uuid (≤ 50 chars): the same message and segment always give the same key.
    public async Task<string> PostApprovalAsync(ChatTurn turn, ApprovalCard card, CancellationToken cancellationToken)
    {
        var uuid = Hash($"{turn.MessageId}#approval:{card.ProposalId}");
        var messageId = await CallAsync(() => client.ReplyAsync(App(turn), turn.MessageId, "interactive", LarkApprovalCard.Json(card), uuid, cancellationToken));
        return messageId ?? throw new ReplyFailedException("Lark did not return the approval card's message id.", targetGone: false, transient: true);
    }

    public Task UpdateApprovalAsync(ChatTurn turn, string cardRef, ApprovalCard card, CancellationToken cancellationToken) =>
        UpdateCardAsync(App(turn), cardRef, LarkApprovalCard.Json(card), cancellationToken);

    public static string IdempotencyKey(string messageId, int segmentIndex) => Hash($"{messageId}#{segmentIndex}");

    // The reply uuid of a notice: the same message and notice always give the same key, so Lark posts a
    // notice repeated by redeliveries within an hour once.
    public static string NoticeIdempotencyKey(string messageId, string noticeKey) => Hash($"{messageId}#notice:{noticeKey}");

    internal static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)).AsSpan(0, 16));

    // The segment as a finished card with the feedback buttons, under the segment's own uuid (so a retry within
    // Lark's hour is not posted twice, whichever form went out). A segment too long for a card, or a card Lark
    // refuses, goes out as the usual post instead: the answer matters more than its buttons.
    private async Task<string?> ReplyWithButtonsAsync(ChatTurn turn, Segment segment, AnswerFeedback feedback, string uuid, CancellationToken cancellationToken)
    {
        var bytes = LiveTextCut.JsonBytes(segment.Markdown);
        if (bytes > cardLimits.MaxAnswerBytes)
        {
            Log.FeedbackCardTooLong(logger, turn.ClaimKey, bytes);
            return await ReplyAsync(turn, segment, uuid, cancellationToken);
        }
        try
        {
            return await CallAsync(() => client.ReplyAsync(
                App(turn), turn.MessageId, "interactive", LarkCardJson.Finished(segment.Markdown, feedback), uuid, cancellationToken));
        }
        catch (ReplyFailedException ex) when (ex.InnerException is LarkApiException { IsTransient: false, IsMessageRecalled: false } refused)
        {
            Log.FeedbackCardRefused(logger, turn.ClaimKey, refused.Code, refused);
        }
        return await ReplyAsync(turn, segment, uuid, cancellationToken);
    }

    private Task<string?> ReplyAsync(ChatTurn turn, Segment segment, string uuid, CancellationToken cancellationToken) =>
        CallAsync(() => client.ReplyAsync(App(turn), turn.MessageId, "post", LarkPostRenderer.ToPostContent(segment), uuid, cancellationToken));

    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception ex) when (PlatformApiException.ReplyFailure(Platforms.Lark, ex) is { } failure)
        {
            throw failure;
        }
    }

    // Replaces a card the bot sent (approval, alarm) in place.
    private Task UpdateCardAsync(LarkApp app, string messageId, string cardJson, CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await client.UpdateCardMessageAsync(app, messageId, cardJson, cancellationToken);
            return messageId;
        });

    private LarkApp App(ChatTurn turn) =>
        options.CurrentValue.Find(turn.AppId) ?? throw new ReplyFailedException($"Lark app {turn.AppId} is no longer configured.", targetGone: true, transient: false);
}
