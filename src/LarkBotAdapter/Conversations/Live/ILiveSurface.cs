using ChatOps.LarkBotAdapter.Feedback;

namespace ChatOps.LarkBotAdapter.Conversations.Live;

// What a platform supplies to LiveReply: its messages (a Lark card, a Slack stream) and their limits. One instance
// serves one answer; TMessage is the platform's state of one message of it. LiveReply decides what each message shows.
public interface ILiveSurface<TMessage>
    where TMessage : class
{
    // Answer text one message holds (JSON-encoded bytes, LiveTextCut).
    int MaxBytes { get; }

    // The answer as this platform may show it (e.g. ping syntax broken); cuts are made in this text.
    string Prepare(string markdown);

    // The message has been live for as long as the platform lets it be: the answer continues in a new one.
    bool Expired(TMessage message);

    // The message an earlier run recorded (recorded) is in the thread already, so a failure to reuse it must fail
    // the job rather than fall back to segments beside it.
    bool Shows(string recorded);

    // The message an earlier run recorded for part, now showing text and status; null when it is gone (a new one
    // takes its place).
    Task<TMessage?> ReuseAsync(int part, string recorded, string text, string status, CancellationToken cancellationToken);

    // A new message for part showing text and status, recorded in the job's ledger and replied into the thread.
    Task<TMessage> CreateAsync(int part, string text, string status, CancellationToken cancellationToken);

    // Shows text (the message's whole text) and, unless null, status under it.
    Task ShowAsync(TMessage message, string text, string? status, CancellationToken cancellationToken);

    // Ends the message with footer under its text and, for a finished answer, the feedback buttons.
    Task CloseAsync(TMessage message, string? footer, AnswerFeedback? feedback, CancellationToken cancellationToken);

    // Replaces what the message an earlier run recorded for part shows with text, and ends it (best effort).
    Task SupersedeAsync(int part, string recorded, string text, CancellationToken cancellationToken);

    // The platform's error ex as a ReplyFailedException; null when ex is not the platform's (surfaces answer with
    // PlatformApiException.ReplyFailure, the one place platform errors are mapped).
    ReplyFailedException? Failure(Exception ex);

    // After ex, before anything was shown: true when this answer goes out as segments (the surface logs why, and may
    // turn live replies off for the app), false when the answer fails.
    bool FallBack(Exception ex);

    // Logs that an interim update failed (the next frame carries the whole answer again).
    void UpdateFailed(Exception ex);
}
