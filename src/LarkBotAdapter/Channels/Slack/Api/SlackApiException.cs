using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Api;

// Slack refused a call: {"ok": false, "error": code}, an HTTP error, or rate limits that did not clear.
// Exception.Message holds the method and Slack's error code, never the token.
public sealed class SlackApiException(string method, string error, int httpStatus)
    : Exception($"Slack {method} failed: {error} (HTTP {httpStatus})")
{
    public string Error { get; } = error;

    public int HttpStatus { get; } = httpStatus;

    // The bot cannot post in the channel: it is not a member, or cannot see the channel (e.g. a DM).
    public bool IsCannotPostHere => Error is "not_in_channel" or "channel_not_found";

    // Nothing more can be posted where the reply was going.
    public bool IsTargetGone => IsCannotPostHere || Error is "is_archived" or "thread_not_found" or "message_not_found";

    // Slack refused the bot token: it may have been rotated (re-read the platform secret) or revoked.
    public bool IsAuthFailure => Error is "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive";

    // Worth retrying later (rate limits, Slack-side errors).
    public bool IsTransient =>
        HttpStatus is 429 or >= 500 || Error is "ratelimited" or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";

    // The one place a failed Slack call (a SlackApiException, or Slack not reached: HttpRequestException) becomes the
    // ReplyFailedException the worker reads.
    public static ReplyFailedException ReplyFailure(Exception ex) => ex switch
    {
        SlackApiException api => new ReplyFailedException(api.Message, targetGone: api.IsTargetGone || api.HttpStatus is 404 or 410, api.IsTransient, api),
        _ => new ReplyFailedException($"Slack could not be reached: {ex.Message}", targetGone: false, transient: true, ex),
    };
}
