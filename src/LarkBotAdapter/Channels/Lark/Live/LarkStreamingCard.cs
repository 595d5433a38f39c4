using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Feedback;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Live;

// Lark's surface of a live answer (LiveReply decides what shows where): card entities replied into the thread, the
// answer element replaced with the message's whole text as it grows and a status line under it (operations paced by
// LarkCardWriter to 10 a second per card and the app's 50). A card streams for almost Lark's 10 minutes at most. A card
// an earlier run recorded is re-opened (streaming on again), and its reply sent if that run never saw it confirmed.
internal sealed class LarkStreamingCard(LarkLiveCards cards, LarkApp app, ChatTurn turn, ILiveReplyLedger ledger) : ILiveSurface<LarkCardPart>
{
    // The ledger entry that records which card got the feedback buttons (card parts count up from 0).
    private const int FeedbackPart = 999;
    private const string FeedbackMarker = "feedback:";

    private readonly LarkCardWriter _writer = new(cards, app);

    public int MaxBytes => cards.Limits.MaxAnswerBytes;

    public string Prepare(string markdown) => markdown;

    public bool Expired(LarkCardPart message) => cards.Time.GetUtcNow() - message.StreamingSince >= cards.Limits.MaxStreamAge;

    // A card of an earlier run counts as shown once it is re-opened: a refusal before that falls back to segments.
    public bool Shows(string recorded) => false;

    public async Task<LarkCardPart?> ReuseAsync(int part, string recorded, string text, string status, CancellationToken cancellationToken)
    {
        if (LarkCardRef.TryParse(recorded) is not { } earlier || await TryReopenAsync(part, earlier, cancellationToken) is not { } card)
        {
            return null;
        }
        await ShowAsync(card, text, status, cancellationToken);
        if (earlier.MessageId.Length == 0)
        {
            await ReplyAsync(card, cancellationToken);
        }
        return card;
    }

    public async Task<LarkCardPart> CreateAsync(int part, string text, string status, CancellationToken cancellationToken)
    {
        var now = cards.Time.GetUtcNow();
        var cardId = await _writer.CreateAsync(text, status, cancellationToken);
        var card = new LarkCardPart(part, new LarkCardRef(cardId, now, ""), now, cards.CardPacer()) { SentAnswer = text, SentStatus = status };
        // Recorded before the reply: a retry that finds no message id replies again with the same uuid.
        await ledger.RecordAsync(part, card.Ref.ToString(), cancellationToken);
        await ReplyAsync(card, cancellationToken);
        return card;
    }

    public async Task ShowAsync(LarkCardPart message, string text, string? status, CancellationToken cancellationToken)
    {
        await _writer.PutAnswerAsync(message, text, cancellationToken);
        if (status is not null)
        {
            await _writer.PutStatusAsync(message, status, cancellationToken);
        }
    }

    public async Task CloseAsync(LarkCardPart message, string? footer, AnswerFeedback? feedback, CancellationToken cancellationToken)
    {
        await _writer.PutStatusAsync(message, footer ?? "", cancellationToken);
        await _writer.SetStreamingAsync(message, streaming: false, cancellationToken);
        if (feedback is not null)
        {
            await AddFeedbackAsync(message, feedback, cancellationToken);
        }
    }

    // Not a card reference (the feedback marker) or a card that cannot be re-opened: nothing to replace.
    public async Task SupersedeAsync(int part, string recorded, string text, CancellationToken cancellationToken)
    {
        if (LarkCardRef.TryParse(recorded) is not { } earlier || await TryReopenAsync(part, earlier, cancellationToken) is not { } card)
        {
            return;
        }
        await ShowAsync(card, text, "", cancellationToken);
        await _writer.SetStreamingAsync(card, streaming: false, cancellationToken);
    }

    public ReplyFailedException? Failure(Exception ex) => PlatformApiException.ReplyFailure(Platforms.Lark, ex);

    public bool FallBack(Exception ex)
    {
        switch (ex)
        {
            case LarkApiException { IsMessageRecalled: true }:
                return false;
            case LarkApiException { IsTransient: false } refused:
                if (cards.Availability.TurnOff(app.AppId))
                {
                    Log.CardsUnavailable(cards.Logger, app.AppId, refused.Code, refused);
                }
                return true;
            default:
                // Lark is struggling: this answer goes out as segments, the next one tries a card again.
                Log.CardNotStarted(cards.Logger, turn.ClaimKey, ex);
                return true;
        }
    }

    public void UpdateFailed(Exception ex) => Log.UpdateFailed(cards.Logger, turn.ClaimKey, ex);

    // The buttons go on the last card once: a retried job that finds them recorded for that card adds none. Best
    // effort: the answer is complete without them.
    private async Task AddFeedbackAsync(LarkCardPart last, AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        var marker = FeedbackMarker + last.Ref.CardId;
        if (ledger.Earlier.TryGetValue(FeedbackPart, out var recorded) && recorded == marker)
        {
            return;
        }
        try
        {
            await _writer.AppendFeedbackAsync(last, feedback, cancellationToken);
            await ledger.RecordAsync(FeedbackPart, marker, cancellationToken);
        }
        catch (Exception ex) when (ex is LarkApiException or HttpRequestException)
        {
            Log.FeedbackNotAdded(cards.Logger, turn.ClaimKey, ex);
        }
    }

    private async Task<LarkCardPart?> TryReopenAsync(int part, LarkCardRef earlier, CancellationToken cancellationToken)
    {
        var card = new LarkCardPart(part, earlier, cards.Time.GetUtcNow(), cards.CardPacer());
        try
        {
            await _writer.SetStreamingAsync(card, streaming: true, cancellationToken);
            return card;
        }
        catch (LarkApiException ex) when (ex.Code is 200740 or 200750 or 300311)
        {
            // Gone or expired: this part starts a new card.
            Log.CardNotReopened(cards.Logger, turn.ClaimKey, earlier.CardId, ex.Code);
            return null;
        }
    }

    private async Task ReplyAsync(LarkCardPart card, CancellationToken cancellationToken)
    {
        var uuid = LarkChatChannel.Hash($"{turn.MessageId}#card:{card.Index}:{card.Ref.CardId}");
        var messageId = await _writer.ReplyAsync(turn.MessageId, card.Ref.CardId, uuid, cancellationToken);
        card.Ref = card.Ref with { MessageId = messageId is { Length: > 0 } ? messageId : "sent" };
        await ledger.RecordAsync(card.Index, card.Ref.ToString(), cancellationToken);
    }
}
