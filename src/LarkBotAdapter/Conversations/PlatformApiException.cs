namespace ChatOps.LarkBotAdapter.Conversations;

// A chat platform's API refused a call. Each platform says which of its refusals mean the target is gone and which
// are worth retrying; ReplyFailure is the one place a failed platform call becomes the ReplyFailedException the
// worker, the live replies and the approvals read. Message never holds a token.
public abstract class PlatformApiException(string message, int httpStatus) : Exception(message)
{
    public int HttpStatus { get; } = httpStatus;

    // Nothing more can be posted where the reply was going (recalled message, archived or unknown chat).
    public abstract bool IsTargetGone { get; }

    // Worth retrying later (rate limits, server errors).
    public abstract bool IsTransient { get; }

    // ex as a ReplyFailedException when it is a platform's refusal, or the platform was not reached
    // (HttpRequestException); null for anything else. platform is a Platforms value, named in the message ("Lark").
    public static ReplyFailedException? ReplyFailure(string platform, Exception ex) => ex switch
    {
        PlatformApiException api => new ReplyFailedException(api.Message, api.IsTargetGone, api.IsTransient, api),
        HttpRequestException => new ReplyFailedException($"{Platforms.DisplayName(platform)} could not be reached: {ex.Message}", targetGone: false, transient: true, ex),
        _ => null,
    };
}
