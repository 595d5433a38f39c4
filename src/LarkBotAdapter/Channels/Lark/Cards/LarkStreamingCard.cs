using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Feedback;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Cards;

// One answer as Lark streaming cards: a card entity replied into the thread, its answer element replaced with
// the full text as it grows (coalesced to 10 operations a second per card and the app's 50), a status line under it.
// A card that is full, or has streamed for almost Lark's 10 minutes, is closed and the answer continues in a new one.
// Part k of the answer is recorded in the job's ledger, so a retried job re-opens that card and shows its own answer
// from the start (sequences continue above the earlier run's: they count milliseconds since the card was created).
internal sealed class LarkStreamingCard : ILiveReply
{
    private const string Continued = "↓";
    // The ledger entry that records which card got the feedback buttons (card parts count up from 0).
    private const int FeedbackPart = 999;
    private const string FeedbackMarker = "feedback:";

    private const string Superseded = "_(An earlier attempt wrote more here; the answer above replaces it.)_";

    private readonly LarkLiveCards _cards;
    private readonly LarkApp _app;
    private readonly ChatTurn _turn;
    private readonly ILiveReplyLedger _ledger;
    private readonly LatestFrameSender _sender;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly List<CardPart> _parts = [];
    private bool _completed;

    public LarkStreamingCard(LarkLiveCards cards, LarkApp app, ChatTurn turn, ILiveReplyLedger ledger)
    {
        _cards = cards;
        _app = app;
        _turn = turn;
        _ledger = ledger;
        _sender = new LatestFrameSender(SendInterimAsync);
    }

    // A reply message shows one of this answer's cards.
    public bool Shown { get; private set; }

    // Cards this answer used, in order.
    public int Cards => _parts.Count;

    public async Task OpenAsync(LiveFrame first, CancellationToken cancellationToken) =>
        _parts.Add(await OpenPartAsync(0, 0, "", first, cancellationToken));

    public Task UpdateAsync(LiveFrame frame, CancellationToken cancellationToken)
    {
        if (!_completed)
        {
            _sender.Offer(frame, cancellationToken);
        }
        return Task.CompletedTask;
    }

    public async Task CompleteAsync(LiveFrame final, CancellationToken cancellationToken)
    {
        _completed = true;
        try
        {
            await _sender.FlushAsync();
        }
        catch (ReplyFailedException)
        {
            throw;
        }
        catch (Exception ex) when (ex is LarkApiException or HttpRequestException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // An interim frame is superseded by the final one (also when its send was cancelled).
        }
        try
        {
            await SendAsync(final, cancellationToken);
            var last = _parts[^1];
            await SetStreamingAsync(last, streaming: false, cancellationToken);
            foreach (var (part, reference) in _ledger.Earlier.Where(e => e.Key > last.Index && e.Key != FeedbackPart).OrderBy(e => e.Key))
            {
                await SupersedeAsync(part, reference, cancellationToken);
            }
            if (final.Feedback is { } feedback)
            {
                await AddFeedbackAsync(last, feedback, cancellationToken);
            }
        }
        catch (LarkApiException ex)
        {
            throw new ReplyFailedException(ex.Message, targetGone: ex.IsMessageRecalled, transient: !ex.IsMessageRecalled, ex);
        }
        catch (HttpRequestException ex)
        {
            throw new ReplyFailedException($"Lark could not be reached: {ex.Message}", targetGone: false, transient: true, ex);
        }
    }

    // The buttons go on the last card once: a retried job that finds them recorded for that card adds none. Best
    // effort: the answer is complete without them.
    private async Task AddFeedbackAsync(CardPart last, AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        var marker = FeedbackMarker + last.Ref.CardId;
        if (_ledger.Earlier.TryGetValue(FeedbackPart, out var recorded) && recorded == marker)
        {
            return;
        }
        try
        {
            var sequence = await NextSequenceAsync(last, cancellationToken);
            await _cards.Client.AppendCardElementsAsync(
                _app, last.Ref.CardId, LarkCardJson.FeedbackRow(feedback), sequence, Uuid(last, sequence), cancellationToken);
            await _ledger.RecordAsync(FeedbackPart, marker, cancellationToken);
        }
        catch (Exception ex) when (ex is LarkApiException or HttpRequestException)
        {
            Log.FeedbackNotAdded(_cards.Logger, _turn.ClaimKey, ex);
        }
    }

    private async Task SendInterimAsync(LiveFrame frame, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(frame, cancellationToken);
        }
        catch (LarkApiException ex) when (ex.IsMessageRecalled)
        {
            throw new ReplyFailedException(ex.Message, targetGone: true, transient: false, ex);
        }
        catch (Exception ex) when (ex is LarkApiException or HttpRequestException)
        {
            // The next frame carries the full text again; the final one must succeed.
            Log.UpdateFailed(_cards.Logger, _turn.ClaimKey, ex);
        }
    }

    private async Task SendAsync(LiveFrame frame, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            var full = frame.Markdown;
            var part = _parts[^1];
            while (true)
            {
                var text = part.Reopen + full[part.Start..];
                var cut = LiveTextCut.Find(text, _cards.Limits.MaxAnswerBytes);
                var aged = _cards.Time.GetUtcNow() - part.StreamingSince >= _cards.Limits.MaxStreamAge && full.Length > part.SentEnd;
                if (cut is null && !aged)
                {
                    await PutAsync(part, LarkCardJson.AnswerElement, text, cancellationToken);
                    part.SentEnd = full.Length;
                    await PutAsync(part, LarkCardJson.StatusElement, frame.Status ?? "", cancellationToken);
                    return;
                }
                var (end, close, reopen) = cut is not null
                    ? (part.Start + Math.Max(0, cut.Cut - part.Reopen.Length), cut.Close, cut.Reopen)
                    : CloseAt(full, part.Start, part.Reopen, part.SentEnd);
                await PutAsync(part, LarkCardJson.AnswerElement, part.Reopen + full[part.Start..end] + close, cancellationToken);
                await PutAsync(part, LarkCardJson.StatusElement, Continued, cancellationToken);
                await SetStreamingAsync(part, streaming: false, cancellationToken);
                part = await OpenPartAsync(part.Index + 1, end, reopen, frame, cancellationToken);
                _parts.Add(part);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    private static (int End, string Close, string Reopen) CloseAt(string full, int start, string reopen, int end)
    {
        var fence = LiveTextCut.OpenFence(reopen + full[start..end]);
        return fence is null ? (end, "", "") : (end, (end > 0 && full[end - 1] == '\n' ? "" : "\n") + fence.Closer, fence.Opener + "\n");
    }

    private async Task<CardPart> OpenPartAsync(int index, int start, string reopen, LiveFrame frame, CancellationToken cancellationToken)
    {
        var text = reopen + frame.Markdown[start..];
        if (LiveTextCut.Find(text, _cards.Limits.MaxAnswerBytes) is { } cut)
        {
            text = text[..cut.Cut] + cut.Close;
        }
        var status = frame.Status ?? "";
        var now = _cards.Time.GetUtcNow();
        if (_ledger.Earlier.TryGetValue(index, out var recorded) && LarkCardRef.TryParse(recorded) is { } earlier
            && await TryReopenAsync(new CardPart(index, earlier, start, reopen, now), cancellationToken) is { } reopened)
        {
            await PutAsync(reopened, LarkCardJson.AnswerElement, text, cancellationToken);
            await PutAsync(reopened, LarkCardJson.StatusElement, status, cancellationToken);
            if (earlier.MessageId.Length == 0)
            {
                await ReplyAsync(reopened, cancellationToken);
            }
            Shown = true;
            return reopened;
        }
        await _cards.CreatePacer(_app.AppId).WaitAsync(cancellationToken);
        var cardId = await _cards.Client.CreateCardAsync(_app, LarkCardJson.Streaming(text, status), cancellationToken);
        var part = new CardPart(index, new LarkCardRef(cardId, now, ""), start, reopen, now) { SentAnswer = text, SentStatus = status };
        // Recorded before the reply: a retry that finds no message id replies again with the same uuid.
        await _ledger.RecordAsync(index, part.Ref.ToString(), cancellationToken);
        await ReplyAsync(part, cancellationToken);
        Shown = true;
        return part;
    }

    private async Task<CardPart?> TryReopenAsync(CardPart part, CancellationToken cancellationToken)
    {
        try
        {
            await SetStreamingAsync(part, streaming: true, cancellationToken);
            return part;
        }
        catch (LarkApiException ex) when (ex.Code is 200740 or 200750 or 300311)
        {
            // Gone or expired: this part starts a new card.
            Log.CardNotReopened(_cards.Logger, _turn.ClaimKey, part.Ref.CardId, ex.Code);
            return null;
        }
    }

    private async Task ReplyAsync(CardPart part, CancellationToken cancellationToken)
    {
        var uuid = LarkChatChannel.Hash($"{_turn.MessageId}#card:{part.Index}:{part.Ref.CardId}");
        var messageId = await _cards.Client.ReplyAsync(_app, _turn.MessageId, "interactive", LarkCardJson.Reference(part.Ref.CardId), uuid, cancellationToken);
        part.Ref = part.Ref with { MessageId = messageId is { Length: > 0 } ? messageId : "sent" };
        await _ledger.RecordAsync(part.Index, part.Ref.ToString(), cancellationToken);
    }

    private async Task SupersedeAsync(int index, string reference, CancellationToken cancellationToken)
    {
        if (LarkCardRef.TryParse(reference) is not { } earlier
            || await TryReopenAsync(new CardPart(index, earlier, 0, "", _cards.Time.GetUtcNow()), cancellationToken) is not { } part)
        {
            return;
        }
        await PutAsync(part, LarkCardJson.AnswerElement, Superseded, cancellationToken);
        await PutAsync(part, LarkCardJson.StatusElement, "", cancellationToken);
        await SetStreamingAsync(part, streaming: false, cancellationToken);
    }

    private async Task PutAsync(CardPart part, string element, string content, CancellationToken cancellationToken)
    {
        var sent = element == LarkCardJson.AnswerElement ? part.SentAnswer : part.SentStatus;
        if (sent == content)
        {
            return;
        }
        for (var attempt = 0; ; attempt++)
        {
            var sequence = await NextSequenceAsync(part, cancellationToken);
            try
            {
                await _cards.Client.StreamCardTextAsync(
                    _app, part.Ref.CardId, element, LarkCardJson.NonEmpty(content), sequence, Uuid(part, sequence), cancellationToken);
                break;
            }
            catch (LarkApiException ex) when (ex.Code is 200850 or 300309 && attempt == 0)
            {
                // Streaming ended by itself (Lark's 10 minutes) or was closed: turn it on again.
                await SetStreamingAsync(part, streaming: true, cancellationToken);
            }
            catch (LarkApiException ex) when (ex.Code == 300317 && attempt == 0)
            {
                part.Sequence += 1000;
            }
        }
        if (element == LarkCardJson.AnswerElement)
        {
            part.SentAnswer = content;
        }
        else
        {
            part.SentStatus = content;
        }
    }

    private async Task SetStreamingAsync(CardPart part, bool streaming, CancellationToken cancellationToken)
    {
        var sequence = await NextSequenceAsync(part, cancellationToken);
        await _cards.Client.SetCardStreamingAsync(_app, part.Ref.CardId, streaming, sequence, Uuid(part, sequence), cancellationToken);
        if (streaming)
        {
            part.StreamingSince = _cards.Time.GetUtcNow();
        }
    }

    private async Task<int> NextSequenceAsync(CardPart part, CancellationToken cancellationToken)
    {
        await part.Pacer(_cards).WaitAsync(cancellationToken);
        await _cards.AppPacer(_app.AppId).WaitAsync(cancellationToken);
        var sinceCreated = (long)(_cards.Time.GetUtcNow() - part.Ref.CreatedAt).TotalMilliseconds;
        part.Sequence = (int)Math.Min(int.MaxValue, Math.Max(part.Sequence + 1L, sinceCreated));
        return part.Sequence;
    }

    private static string Uuid(CardPart part, int sequence) => LarkChatChannel.Hash($"{part.Ref.CardId}#{sequence}");

    private sealed class CardPart(int index, LarkCardRef reference, int start, string reopen, DateTimeOffset streamingSince)
    {
        private SlotPacer? _pacer;

        public int Index { get; } = index;

        public LarkCardRef Ref { get; set; } = reference;

        // Where this card's text starts in the answer.
        public int Start { get; } = start;

        // The code fence this card re-opens (the previous one was cut inside it).
        public string Reopen { get; } = reopen;

        public DateTimeOffset StreamingSince { get; set; } = streamingSince;

        public int Sequence { get; set; }

        public int SentEnd { get; set; } = start;

        public string? SentAnswer { get; set; }

        public string? SentStatus { get; set; }

        public SlotPacer Pacer(LarkLiveCards cards) => _pacer ??= new SlotPacer(cards.Limits.CardSpacing, cards.Time);
    }
}
