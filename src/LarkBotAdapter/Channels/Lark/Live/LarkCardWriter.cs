using ChatOps.LarkBotAdapter.Channels.Lark.Api;
using ChatOps.LarkBotAdapter.Channels.Lark.Rendering;
using ChatOps.LarkBotAdapter.Feedback;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Live;

// The operations on one answer's cards: element text, streaming mode and appended elements, each with the card's
// next sequence number (never below the milliseconds since the card was created, so a retried job's operations
// continue above the earlier run's) and a uuid made from it, paced per card and per app.
internal sealed class LarkCardWriter(LarkLiveCards cards, LarkApp app)
{
    // A new streaming card entity showing text and status (paced per app): its card id.
    public async Task<string> CreateAsync(string text, string status, CancellationToken cancellationToken)
    {
        await cards.CreatePacer(app.AppId).WaitAsync(cancellationToken);
        return await cards.Client.CreateCardAsync(app, LarkCardJson.Streaming(text, status), cancellationToken);
    }

    // Replies to messageId with the card entity cardId under uuid: the reply's message id.
    public Task<string?> ReplyAsync(string messageId, string cardId, string uuid, CancellationToken cancellationToken) =>
        cards.Client.ReplyAsync(app, messageId, "interactive", LarkCardJson.Reference(cardId), uuid, cancellationToken);

    public Task PutAnswerAsync(LarkCardPart part, string text, CancellationToken cancellationToken) =>
        PutAsync(part, LarkCardJson.AnswerElement, text, cancellationToken);

    public Task PutStatusAsync(LarkCardPart part, string status, CancellationToken cancellationToken) =>
        PutAsync(part, LarkCardJson.StatusElement, status, cancellationToken);

    // Appends the 👍/👎 row at the end of the card.
    public async Task AppendFeedbackAsync(LarkCardPart part, AnswerFeedback feedback, CancellationToken cancellationToken)
    {
        var sequence = await NextSequenceAsync(part, cancellationToken);
        await cards.Client.AppendCardElementsAsync(app, part.Ref.CardId, LarkCardJson.FeedbackRow(feedback), sequence, Uuid(part, sequence), cancellationToken);
    }

    // Sets element's text to content, unless it shows that already.
    private async Task PutAsync(LarkCardPart part, string element, string content, CancellationToken cancellationToken)
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
                await cards.Client.StreamCardTextAsync(
                    app, part.Ref.CardId, element, LarkCardJson.NonEmpty(content), sequence, Uuid(part, sequence), cancellationToken);
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

    public async Task SetStreamingAsync(LarkCardPart part, bool streaming, CancellationToken cancellationToken)
    {
        var sequence = await NextSequenceAsync(part, cancellationToken);
        await cards.Client.SetCardStreamingAsync(app, part.Ref.CardId, streaming, sequence, Uuid(part, sequence), cancellationToken);
        if (streaming)
        {
            part.StreamingSince = cards.Time.GetUtcNow();
        }
    }

    private async Task<int> NextSequenceAsync(LarkCardPart part, CancellationToken cancellationToken)
    {
        await part.Pacer.WaitAsync(cancellationToken);
        await cards.AppPacer(app.AppId).WaitAsync(cancellationToken);
        var sinceCreated = (long)(cards.Time.GetUtcNow() - part.Ref.CreatedAt).TotalMilliseconds;
        part.Sequence = (int)Math.Min(int.MaxValue, Math.Max(part.Sequence + 1L, sinceCreated));
        return part.Sequence;
    }

    private static string Uuid(LarkCardPart part, int sequence) => LarkChatChannel.Hash($"{part.Ref.CardId}#{sequence}");
}
