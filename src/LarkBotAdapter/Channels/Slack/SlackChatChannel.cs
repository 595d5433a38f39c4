using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Replies;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Worker;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

/// <summary>Slack as the worker sees it: mrkdwn thread replies via <c>chat.postMessage</c>, paced per channel. Slack has
/// no idempotency key, so every posted segment is recorded (<see cref="IStateStore.RecordPostedSegmentAsync"/>, keyed
/// by the turn's claim key) and a retried job skips what was already posted. Slash commands first post the question as
/// the thread's parent (recorded as segment -1); where the bot cannot post, replies go to the command's response_url.</summary>
public sealed partial class SlackChatChannel(
    SlackWebApiClient client,
    SlackPacer pacer,
    SlackBotIdentity identity,
    IStateStore state,
    WorkerOptions worker,
    ILogger<SlackChatChannel> logger) : IChatChannel
{
    /// <summary>The record index of a slash command's parent message.</summary>
    public const int ParentIndex = -1;

    private readonly Dictionary<string, SlackJob> _jobs = new(StringComparer.Ordinal);

    public string Platform => "slack";

    public async Task<bool> IsAddressedToBotAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.IsDirect || turn.MentionedIds.Count == 0)
        {
            return true;
        }
        var botId = await identity.GetAsync(cancellationToken);
        return turn.MentionedIds.Contains(botId, StringComparer.Ordinal);
    }

    public async Task<ChatTurn> PrepareAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!turn.CreatesThread)
        {
            return turn;
        }
        var job = await JobAsync(turn, cancellationToken);
        if (job.Posted.TryGetValue(ParentIndex, out var parentTs))
        {
            return Threaded(turn, parentTs);
        }
        try
        {
            await pacer.WaitAsync(turn.ChatId, cancellationToken);
            parentTs = await client.PostMessageAsync(turn.ChatId, ParentText(turn), threadTs: null, cancellationToken);
        }
        catch (SlackApiException ex) when (!ex.IsTransient && turn.ResponseUrl is not null)
        {
            Log.UsingResponseUrl(logger, turn.ClaimKey, ex.Error);
            job.UseResponseUrl(ParentText(turn));
            return turn;
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            throw Failed(ex);
        }
        await RecordAsync(turn, job, ParentIndex, parentTs, cancellationToken);
        var threaded = Threaded(turn, parentTs);
        try
        {
            await state.MarkThreadActiveAsync(threaded.ThreadKey, worker.ThreadTtl, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.StateFailed(logger, turn.ClaimKey, ex);
        }
        return threaded;
    }

    public async Task PostAsync(ChatTurn turn, Segment segment, CancellationToken cancellationToken)
    {
        var job = await JobAsync(turn, cancellationToken);
        if (job.Posted.ContainsKey(segment.Index))
        {
            return; // posted by an earlier attempt of this job
        }
        var text = SlackMrkdwn.Convert(segment.Markdown);
        if (job.Batch is null)
        {
            try
            {
                await pacer.WaitAsync(turn.ChatId, cancellationToken);
                var ts = await client.PostMessageAsync(turn.ChatId, text, turn.RootId ?? turn.MessageId, cancellationToken);
                await RecordAsync(turn, job, segment.Index, ts, cancellationToken);
                return;
            }
            catch (SlackApiException ex) when (ex.IsCannotPostHere && turn.ResponseUrl is not null)
            {
                Log.UsingResponseUrl(logger, turn.ClaimKey, ex.Error);
                job.UseResponseUrl(ParentText(turn));
            }
            catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
            {
                throw Failed(ex);
            }
        }
        foreach (var (pack, indices) in job.Batch!.Add(segment.Index, text, segment.IsFinal))
        {
            try
            {
                await client.PostToResponseUrlAsync(new Uri(turn.ResponseUrl!), pack, cancellationToken);
            }
            catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
            {
                throw Failed(ex);
            }
            foreach (var index in indices)
            {
                await RecordAsync(turn, job, index, SlackResponseUrlBatch.RecordPrefix + job.Batch.UsesMade, cancellationToken);
            }
        }
    }

    /// <summary>Posts in the message's thread, unrecorded (the store may be what is down). Slash commands have no message
    /// to thread under: their ingress answers ephemerally instead, so nothing is posted here.</summary>
    public async Task PostNoticeAsync(ChatTurn turn, string noticeKey, string markdown, CancellationToken cancellationToken)
    {
        if (turn.CreatesThread)
        {
            return;
        }
        try
        {
            await pacer.WaitAsync(turn.ChatId, cancellationToken);
            await client.PostMessageAsync(turn.ChatId, SlackMrkdwn.Convert(markdown), turn.RootId ?? turn.MessageId, cancellationToken);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            throw Failed(ex);
        }
    }

    /// <summary>The parent message of a slash command's thread: who asked, and the question as a quote.</summary>
    public static string ParentText(ChatTurn turn) =>
        $"<@{turn.SenderId}> asked:\n" + string.Join('\n', SlackText.Escape(turn.Text).Split('\n').Select(l => "> " + l));

    private static ChatTurn Threaded(ChatTurn turn, string parentTs) => turn with { RootId = parentTs, ThreadId = parentTs };

    private static ReplyFailedException Failed(Exception ex) => ex switch
    {
        SlackApiException api => new ReplyFailedException(api.Message, targetGone: api.IsTargetGone || api.HttpStatus is 404 or 410, api.IsTransient, api),
        _ => new ReplyFailedException($"Slack could not be reached: {ex.Message}", targetGone: false, transient: true, ex),
    };

    private async Task<SlackJob> JobAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (_jobs.TryGetValue(turn.ClaimKey, out var job))
        {
            return job;
        }
        IReadOnlyDictionary<int, string> posted;
        try
        {
            posted = await state.GetPostedSegmentsAsync(turn.ClaimKey, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            // Without the record a retry may repeat segments; answering beats staying silent.
            Log.StateFailed(logger, turn.ClaimKey, ex);
            posted = new Dictionary<int, string>();
        }
        return _jobs[turn.ClaimKey] = new SlackJob(new Dictionary<int, string>(posted));
    }

    private async Task RecordAsync(ChatTurn turn, SlackJob job, int index, string messageRef, CancellationToken cancellationToken)
    {
        job.Posted[index] = messageRef;
        try
        {
            await state.RecordPostedSegmentAsync(turn.ClaimKey, index, messageRef, worker.ClaimTtl, cancellationToken);
        }
        catch (StateUnavailableException ex)
        {
            Log.StateFailed(logger, turn.ClaimKey, ex);
        }
    }

    private sealed class SlackJob(Dictionary<int, string> posted)
    {
        public Dictionary<int, string> Posted { get; } = posted;

        public SlackResponseUrlBatch? Batch { get; private set; }

        public void UseResponseUrl(string header) =>
            Batch ??= new SlackResponseUrlBatch(header, Posted.Values.Select(SlackResponseUrlBatch.UseOf).DefaultIfEmpty(0).Max());
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Turn {ClaimKey}: the bot cannot post in the channel ({Error}); answering via response_url")]
        public static partial void UsingResponseUrl(ILogger logger, string claimKey, string error);

        [LoggerMessage(EventId = 5302, Level = LogLevel.Warning, Message = "Turn {ClaimKey}: posted-segment record unavailable; a retry may repeat segments")]
        public static partial void StateFailed(ILogger logger, string claimKey, Exception exception);
    }
}
