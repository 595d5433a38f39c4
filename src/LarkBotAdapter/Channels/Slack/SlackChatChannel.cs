using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Live;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Replies;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// Slack as the worker sees it: mrkdwn thread replies via chat.postMessage, paced per channel, each
// returning its ts for the worker to record (Slack has no idempotency key, so that record is what keeps a retried job
// from posting twice). Slash commands first post the question as the thread's parent (position -1); where the bot
// cannot post, replies go to the command's response_url in packs.
public sealed partial class SlackChatChannel(
    SlackWebApiClient client,
    SlackPacer pacer,
    SlackBotIdentity identity,
    ILogger<SlackChatChannel> logger,
    SlackLiveStreams streams) : IChatChannel
{
    // The reply position of a slash command's parent message.
    public const int ParentIndex = -1;

    // Per job (claim key): response_url uses an earlier run made, and the pack of a job answering via response_url.
    private readonly Dictionary<string, int> _usesBefore = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SlackResponseUrlBatch> _batches = new(StringComparer.Ordinal);

    public string Platform => Platforms.Slack;

    public Task<bool> IsAddressedToBotAsync(ChatTurn turn, CancellationToken cancellationToken) =>
        AddressPolicy.IsForBotAsync(turn, () => identity.GetAsync(client, cancellationToken));

    public async Task<PreparedTurn> PrepareAsync(ChatTurn turn, IReadOnlyDictionary<int, string> posted, CancellationToken cancellationToken)
    {
        _usesBefore[turn.ClaimKey] = posted.Values.Select(SlackResponseUrlBatch.UseOf).DefaultIfEmpty(0).Max();
        if (!turn.CreatesThread)
        {
            return new PreparedTurn(turn);
        }
        if (posted.TryGetValue(ParentIndex, out var parentTs))
        {
            return new PreparedTurn(Threaded(turn, parentTs));
        }
        try
        {
            await pacer.WaitAsync(turn.ChatId, cancellationToken);
            parentTs = await client.PostMessageAsync(turn.ChatId, ParentText(turn), threadTs: null, cancellationToken);
        }
        catch (SlackApiException ex) when (!ex.IsTransient && turn.ResponseUrl is not null)
        {
            Log.UsingResponseUrl(logger, turn.ClaimKey, ex.Error);
            UseResponseUrl(turn);
            return new PreparedTurn(turn);
        }
        catch (Exception ex) when (Failed(ex) is { } failure)
        {
            throw failure;
        }
        return new PreparedTurn(Threaded(turn, parentTs), PostReceipt.Of(ParentIndex, parentTs));
    }

    public async Task<PostReceipt> PostAsync(ChatTurn turn, Segment segment, CancellationToken cancellationToken)
    {
        var text = SlackMrkdwn.Convert(segment.Markdown);
        if (!_batches.TryGetValue(turn.ClaimKey, out var batch))
        {
            try
            {
                await pacer.WaitAsync(turn.ChatId, cancellationToken);
                var threadTs = turn.RootId ?? turn.MessageId;
                return PostReceipt.Of(segment.Index, segment.Feedback is { } feedback
                    ? await client.PostBlocksAsync(turn.ChatId, text, SlackLiveBlocks.Answer(segment.Markdown, null, feedback), threadTs, cancellationToken)
                    : await client.PostMessageAsync(turn.ChatId, text, threadTs, cancellationToken));
            }
            catch (SlackApiException ex) when (ex.IsCannotPostHere && turn.ResponseUrl is not null)
            {
                Log.UsingResponseUrl(logger, turn.ClaimKey, ex.Error);
                batch = UseResponseUrl(turn);
            }
            catch (Exception ex) when (Failed(ex) is { } failure)
            {
                throw failure;
            }
        }
        var receipt = PostReceipt.Held;
        foreach (var pack in batch.Add(segment.Index, text, segment.IsFinal))
        {
            try
            {
                await client.PostToResponseUrlAsync(new Uri(turn.ResponseUrl!), pack.Text, cancellationToken);
            }
            catch (Exception ex) when (Failed(ex) is { } failure)
            {
                throw failure;
            }
            batch.Sent(pack);
            // Only the last part of a pack carries its segments: they are in the chat once all of it is.
            if (pack.Indices.Count > 0)
            {
                receipt = new PostReceipt(pack.Indices, SlackResponseUrlBatch.RecordPrefix + batch.UsesMade);
            }
        }
        return receipt;
    }

    // Posts in the message's thread, unrecorded (the store may be what is down). Slash commands have no message
    // to thread under: their ingress answers ephemerally instead, so nothing is posted here.
    public async Task PostNoticeAsync(ChatTurn turn, string noticeKey, string markdown, CancellationToken cancellationToken)
    {
        if (!turn.CreatesThread)
        {
            await PacedAsync(turn.ChatId, () => client.PostMessageAsync(turn.ChatId, SlackMrkdwn.Convert(markdown), turn.RootId ?? turn.MessageId, cancellationToken), cancellationToken);
        }
    }

    // The parent message of a slash command's thread: who asked, and the question as a quote.
    public static string ParentText(ChatTurn turn) =>
        $"<@{turn.SenderId}> asked:\n" + string.Join('\n', SlackText.Escape(turn.Text).Split('\n').Select(l => "> " + l));

    private static ChatTurn Threaded(ChatTurn turn, string parentTs) => turn with { RootId = parentTs, ThreadId = parentTs };

    private static ReplyFailedException? Failed(Exception ex) => PlatformApiException.ReplyFailure(Platforms.Slack, ex);

    // One call to Slack in chatId after the channel's pace, its failure as the ReplyFailedException the worker reads.
    private async Task<T> PacedAsync<T>(string chatId, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            await pacer.WaitAsync(chatId, cancellationToken);
            return await call();
        }
        catch (Exception ex) when (Failed(ex) is { } failure)
        {
            throw failure;
        }
    }

    private Task PacedAsync(string chatId, Func<Task> call, CancellationToken cancellationToken) =>
        PacedAsync(chatId, async () =>
        {
            await call();
            return true;
        }, cancellationToken);

    private SlackResponseUrlBatch UseResponseUrl(ChatTurn turn) =>
        _batches[turn.ClaimKey] = new SlackResponseUrlBatch(ParentText(turn), _usesBefore.GetValueOrDefault(turn.ClaimKey));
}
