using ChatOps.LarkBotAdapter.Channels.Slack.Api;
using ChatOps.LarkBotAdapter.Channels.Slack.Rendering;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Conversations.Live;
using ChatOps.LarkBotAdapter.Feedback;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Live;

// Slack's surface of a live answer (LiveReply decides what shows where): messages in the asker's thread. A stream
// (chat.startStream) only grows, so each update appends what it adds to what the message shows (paced per workspace).
// When a text is no extension of it (the scrubber masked earlier text, an error reply trimmed it) or Slack ended the
// stream (about five minutes), the stream is stopped and the message shown by editing it (chat.update with a markdown
// block) from then on. A message an earlier run recorded is stopped and edited, never started twice. The last message
// ends with the footer and, for a finished answer, the 👍/👎 buttons (SlackLiveBlocks). Slack's ping syntax in the
// answer does not ping (SlackStreamMentions).
internal sealed class SlackLiveReply(SlackLiveStreams streams, ChatTurn turn, ILiveReplyLedger ledger) : ILiveSurface<SlackStreamPart>
{
    private SlackWebApiClient Client => streams.Client;

    private string Channel => turn.ChatId;

    public int MaxBytes => streams.Limits.MaxMessageBytes;

    public string Prepare(string markdown) => SlackStreamMentions.Neutralize(markdown);

    // Slack ends a stream by itself; ShowAsync edits the message from then on.
    public bool Expired(SlackStreamPart message) => false;

    // The earlier run's message is in the thread: a failure from here on fails the job (retried later), it never falls
    // back to segments beside that message.
    public bool Shows(string recorded) => recorded.Length > 0;

    public async Task<SlackStreamPart?> ReuseAsync(int part, string recorded, string text, string status, CancellationToken cancellationToken)
    {
        if (recorded.Length == 0)
        {
            return null;
        }
        var reused = new SlackStreamPart(recorded) { Streaming = false };
        await StopQuietlyAsync(recorded, cancellationToken);
        try
        {
            await EditAsync(reused, NonEmpty(text), cancellationToken);
            return reused;
        }
        catch (SlackApiException ex) when (ex.Error is "message_not_found" or "cant_update_message")
        {
            Log.EarlierMessageGone(streams.Logger, turn.ClaimKey, recorded, ex.Error);
            return null;
        }
    }

    public async Task<SlackStreamPart> CreateAsync(int part, string text, string status, CancellationToken cancellationToken)
    {
        text = NonEmpty(text);
        await streams.AppendPacer(turn.AppId).WaitAsync(cancellationToken);
        var ts = await Client.StartStreamAsync(Channel, turn.RootId ?? turn.MessageId, text, turn.SenderId, turn.AppId, cancellationToken);
        await ledger.RecordAsync(part, ts, cancellationToken);
        return new SlackStreamPart(ts) { Sent = text };
    }

    // The status line is the assistant status (SlackLiveStreams.ShowStatusAsync), not part of the message.
    public async Task ShowAsync(SlackStreamPart message, string text, string? status, CancellationToken cancellationToken)
    {
        if (message.Sent == text)
        {
            return;
        }
        if (message.Streaming)
        {
            if (text.StartsWith(message.Sent, StringComparison.Ordinal))
            {
                await streams.AppendPacer(turn.AppId).WaitAsync(cancellationToken);
                try
                {
                    await Client.AppendStreamAsync(Channel, message.Ts, text[message.Sent.Length..], cancellationToken);
                    message.Sent = text;
                    return;
                }
                catch (SlackApiException ex) when (ex.Error is "message_not_in_streaming_state")
                {
                    Log.StreamEnded(streams.Logger, turn.ClaimKey, message.Ts);
                    message.Streaming = false;
                }
            }
            else
            {
                // Text already streamed changed: a stream cannot take it back, an edit can.
                Log.StreamRewritten(streams.Logger, turn.ClaimKey, message.Ts);
                await StopQuietlyAsync(message.Ts, cancellationToken);
                message.Streaming = false;
            }
        }
        await EditAsync(message, text, cancellationToken);
    }

    // The stream stops with what goes under the text; an edited message gets it by one more edit.
    public async Task CloseAsync(SlackStreamPart message, string? footer, AnswerFeedback? feedback, CancellationToken cancellationToken)
    {
        var under = SlackLiveBlocks.Under(footer, feedback);
        if (message.Streaming)
        {
            try
            {
                await Client.StopStreamAsync(Channel, message.Ts, under, cancellationToken);
                message.Streaming = false;
                return;
            }
            catch (SlackApiException ex) when (ex.Error is "message_not_in_streaming_state")
            {
                message.Streaming = false;
            }
        }
        if (under is not null)
        {
            await streams.UpdatePacer(turn.AppId).WaitAsync(cancellationToken);
            await Client.UpdateMessageAsync(Channel, message.Ts, SlackMrkdwn.Convert(message.Sent), SlackLiveBlocks.Answer(message.Sent, footer, feedback), cancellationToken);
        }
    }

    public async Task SupersedeAsync(int part, string recorded, string text, CancellationToken cancellationToken)
    {
        await StopQuietlyAsync(recorded, cancellationToken);
        try
        {
            await streams.UpdatePacer(turn.AppId).WaitAsync(cancellationToken);
            await Client.UpdateMessageAsync(Channel, recorded, text, SlackLiveBlocks.Answer(text, null, null), cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Error is "message_not_found" or "cant_update_message")
        {
        }
    }

    public ReplyFailedException? Failure(Exception ex) => PlatformApiException.ReplyFailure(Platforms.Slack, ex);

    public bool FallBack(Exception ex) => streams.FallBack(turn, ex);

    public void UpdateFailed(Exception ex) => Log.StreamUpdateFailed(streams.Logger, turn.ClaimKey, ex);

    private static string NonEmpty(string text) => text.Length == 0 ? " " : text;

    private async Task EditAsync(SlackStreamPart message, string text, CancellationToken cancellationToken)
    {
        await streams.UpdatePacer(turn.AppId).WaitAsync(cancellationToken);
        await Client.UpdateMessageAsync(Channel, message.Ts, SlackMrkdwn.Convert(text), SlackLiveBlocks.Answer(text, null, null), cancellationToken);
        message.Sent = text;
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
}
