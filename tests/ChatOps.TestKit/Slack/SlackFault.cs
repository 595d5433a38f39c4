namespace ChatOps.TestKit.Slack;

/// <summary>An error answer of the Slack Web API: <c>{"ok": false, "error": …}</c> with an HTTP status, optionally with
/// <c>Retry-After</c> (seconds) as on HTTP 429.</summary>
public sealed record SlackFault(int HttpStatus, string Error, int? RetryAfterSeconds = null)
{
    public static SlackFault RateLimited(int retryAfterSeconds) => new(429, "ratelimited", retryAfterSeconds);

    public static SlackFault NotInChannel { get; } = new(200, "not_in_channel");

    public static SlackFault ChannelNotFound { get; } = new(200, "channel_not_found");

    public static SlackFault InternalError { get; } = new(500, "internal_error");
}
