using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Feedback;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// One answer as Slack messages in the asker's thread. A stream (chat.startStream) only grows, so each frame appends
// what it adds to what the message shows (paced per workspace, coalesced by LatestFrameSender). When a frame is no
// extension of it (the scrubber masked earlier text, an error reply trimmed it) or Slack ended the stream (about five
// minutes), the stream is stopped and the message shown by editing it (chat.update with a markdown block) from then on.
// A message that is full is closed and the answer continues in a new one. Part k's ts is in the job's ledger: a retried
// job stops and edits that message to show its own answer from the start, and never starts a second one for the part.
// The last message ends with the footer and, for a finished answer, the 👍/👎 buttons (SlackLiveBlocks). Slack's ping
// syntax in a frame does not ping (SlackStreamMentions).
internal sealed class SlackLiveReply : ILiveReply
{
    private const string Continued = "↓";
    private const string Superseded = "_(An earlier attempt wrote more here; the answer above replaces it.)_";

    private readonly SlackLiveStreams _streams;
    private readonly ChatTurn _turn;
    private readonly ILiveReplyLedger _ledger;
    private readonly LatestFrameSender _sender;
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly List<Part> _parts = [];
    private bool _completed;

    public SlackLiveReply(SlackLiveStreams streams, ChatTurn turn, ILiveReplyLedger ledger)
    {
        _streams = streams;
        _turn = turn;
        _ledger = ledger;
        _sender = new LatestFrameSender(SendInterimAsync);
    }

    // A message of this answer is in the thread.
    public bool Shown { get; private set; }

    private SlackWebApiClient Client => _streams.Client;

    private string Channel => _turn.ChatId;

    public async Task OpenAsync(LiveFrame first, CancellationToken cancellationToken)
    {
        var markdown = SlackStreamMentions.Neutralize(first.Markdown);
        _parts.Add(await OpenPartAsync(0, 0, "", markdown, cancellationToken));
        await SendAsync(markdown, cancellationToken);
    }

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
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            // An interim frame is superseded by the final one.
        }
        try
        {
            await SendAsync(SlackStreamMentions.Neutralize(final.Markdown), cancellationToken);
            var last = _parts[^1];
            await CloseAsync(last, final.Status, final.Feedback, cancellationToken);
            foreach (var (part, ts) in _ledger.Earlier.Where(e => e.Key > last.Index).OrderBy(e => e.Key))
            {
                await SupersedeAsync(ts, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            throw Failed(ex);
        }
    }

    internal static ReplyFailedException Failed(Exception ex) => ex switch
    {
        SlackApiException api => new ReplyFailedException(api.Message, targetGone: api.IsTargetGone, transient: !api.IsTargetGone, api),
        _ => new ReplyFailedException($"Slack could not be reached: {ex.Message}", targetGone: false, transient: true, ex),
    };

    private async Task SendInterimAsync(LiveFrame frame, CancellationToken cancellationToken)
    {
        try
        {
            await SendAsync(SlackStreamMentions.Neutralize(frame.Markdown), cancellationToken);
        }
        catch (SlackApiException ex) when (ex.IsTargetGone)
        {
            throw new ReplyFailedException(ex.Message, targetGone: true, transient: false, ex);
        }
        catch (Exception ex) when (ex is SlackApiException or HttpRequestException)
        {
            // The next frame carries the whole answer again; the final one must succeed.
            Log.StreamUpdateFailed(_streams.Logger, _turn.ClaimKey, ex);
        }
    }

    private async Task SendAsync(string full, CancellationToken cancellationToken)
    {
        await _sending.WaitAsync(cancellationToken);
        try
        {
            var part = _parts[^1];
            while (true)
            {
                var text = part.Reopen + full[Math.Min(part.Start, full.Length)..];
                if (LiveTextCut.Find(text, _streams.Limits.MaxMessageBytes) is not { } cut)
                {
                    await ShowAsync(part, text, cancellationToken);
                    return;
                }
                await ShowAsync(part, text[..cut.Cut] + cut.Close, cancellationToken);
                await CloseAsync(part, Continued, null, cancellationToken);
                var start = part.Start + Math.Max(0, cut.Cut - part.Reopen.Length);
                part = await OpenPartAsync(part.Index + 1, start, cut.Reopen, full, cancellationToken);
                _parts.Add(part);
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    // The message of part index: the one an earlier run recorded, edited to show this run's text, or a new stream.
    private async Task<Part> OpenPartAsync(int index, int start, string reopen, string full, CancellationToken cancellationToken)
    {
        var text = reopen + full[Math.Min(start, full.Length)..];
        if (LiveTextCut.Find(text, _streams.Limits.MaxMessageBytes) is { } cut)
        {
            text = text[..cut.Cut] + cut.Close;
        }
        if (text.Length == 0)
        {
            text = " ";
        }
        if (_ledger.Earlier.TryGetValue(index, out var earlier) && earlier.Length > 0)
        {
            // The earlier run's message is in the thread: a failure from here on fails the job (retried later), it
            // never falls back to segments beside that message.
            Shown = true;
            var reused = new Part(index, earlier, start, reopen) { Streaming = false };
            await StopQuietlyAsync(earlier, cancellationToken);
            try
            {
                await EditAsync(reused, text, cancellationToken);
                return reused;
            }
            catch (SlackApiException ex) when (ex.Error is "message_not_found" or "cant_update_message")
            {
                Log.EarlierMessageGone(_streams.Logger, _turn.ClaimKey, earlier, ex.Error);
            }
        }
        await _streams.AppendPacer(_turn.AppId).WaitAsync(cancellationToken);
        var ts = await Client.StartStreamAsync(Channel, _turn.RootId ?? _turn.MessageId, text, _turn.SenderId, _turn.AppId, cancellationToken);
        Shown = true;
        await _ledger.RecordAsync(index, ts, cancellationToken);
        return new Part(index, ts, start, reopen) { Sent = text };
    }

    private async Task ShowAsync(Part part, string text, CancellationToken cancellationToken)
    {
        if (part.Sent == text)
        {
            return;
        }
        if (part.Streaming)
        {
            if (text.StartsWith(part.Sent, StringComparison.Ordinal))
            {
                await _streams.AppendPacer(_turn.AppId).WaitAsync(cancellationToken);
                try
                {
                    await Client.AppendStreamAsync(Channel, part.Ts, text[part.Sent.Length..], cancellationToken);
                    part.Sent = text;
                    return;
                }
                catch (SlackApiException ex) when (ex.Error is "message_not_in_streaming_state")
                {
                    Log.StreamEnded(_streams.Logger, _turn.ClaimKey, part.Ts);
                    part.Streaming = false;
                }
            }
            else
            {
                // Text already streamed changed: a stream cannot take it back, an edit can.
                Log.StreamRewritten(_streams.Logger, _turn.ClaimKey, part.Ts);
                await StopQuietlyAsync(part.Ts, cancellationToken);
                part.Streaming = false;
            }
        }
        await EditAsync(part, text, cancellationToken);
    }

    // Ends part: the stream stops with what goes under the text; an edited message gets it by one more edit.
    private async Task CloseAsync(Part part, string? footer, AnswerFeedback? feedback, CancellationToken cancellationToken)
    {
        var under = SlackLiveBlocks.Under(footer, feedback);
        if (part.Streaming)
        {
            try
            {
                await Client.StopStreamAsync(Channel, part.Ts, under, cancellationToken);
                part.Streaming = false;
                return;
            }
            catch (SlackApiException ex) when (ex.Error is "message_not_in_streaming_state")
            {
                part.Streaming = false;
            }
        }
        if (under is not null)
        {
            await _streams.UpdatePacer(_turn.AppId).WaitAsync(cancellationToken);
            await Client.UpdateMessageAsync(Channel, part.Ts, SlackMrkdwn.Convert(part.Sent), SlackLiveBlocks.Answer(part.Sent, footer, feedback), cancellationToken);
        }
    }

    private async Task EditAsync(Part part, string text, CancellationToken cancellationToken)
    {
        await _streams.UpdatePacer(_turn.AppId).WaitAsync(cancellationToken);
        await Client.UpdateMessageAsync(Channel, part.Ts, SlackMrkdwn.Convert(text), SlackLiveBlocks.Answer(text, null, null), cancellationToken);
        part.Sent = text;
    }

    // A continuation an earlier run wrote that this answer does not reach: it says so instead of showing the old text.
    private async Task SupersedeAsync(string ts, CancellationToken cancellationToken)
    {
        await StopQuietlyAsync(ts, cancellationToken);
        try
        {
            await _streams.UpdatePacer(_turn.AppId).WaitAsync(cancellationToken);
            await Client.UpdateMessageAsync(Channel, ts, Superseded, SlackLiveBlocks.Answer(Superseded, null, null), cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Error is "message_not_found" or "cant_update_message")
        {
        }
    }

    // Stops a stream that may already have ended (by itself, or in the run that started it).
    private async Task StopQuietlyAsync(string ts, CancellationToken cancellationToken)
    {
        try
        {
            await Client.StopStreamAsync(Channel, ts, null, cancellationToken);
        }
        catch (SlackApiException ex) when (!ex.IsTransient && !ex.IsAuthFailure)
        {
        }
    }

    private sealed class Part(int index, string ts, int start, string reopen)
    {
        public int Index { get; } = index;

        public string Ts { get; } = ts;

        // Where this message's text starts in the answer.
        public int Start { get; } = start;

        // The code fence this message re-opens (the previous one was cut inside it).
        public string Reopen { get; } = reopen;

        // What the message shows.
        public string Sent { get; set; } = "";

        public bool Streaming { get; set; } = true;
    }
}
