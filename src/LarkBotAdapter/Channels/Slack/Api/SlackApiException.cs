using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Api;

// Slack refused a call: {"ok": false, "error": code}, an HTTP error, or rate limits that did not clear.
// Exception.Message holds the method and Slack's error code, never the token.
public sealed class SlackApiException(string method, string error, int httpStatus)
    : PlatformApiException($"Slack {method} failed: {error} (HTTP {httpStatus})", httpStatus)
{
    public string Error { get; } = error;

    // The bot cannot post in the channel: it is not a member, or cannot see the channel (e.g. a DM).
    public bool IsCannotPostHere => Error is "not_in_channel" or "channel_not_found";

    public override bool IsTargetGone =>
        IsCannotPostHere || Error is "is_archived" or "thread_not_found" or "message_not_found" || HttpStatus is 404 or 410;

    // Slack refused the bot token: it may have been rotated (re-read the platform secret) or revoked.
    public bool IsAuthFailure => Error is "invalid_auth" or "not_authed" or "token_revoked" or "token_expired" or "account_inactive";

    public override bool IsTransient =>
        HttpStatus is 429 or >= 500 || Error is "ratelimited" or "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout";
}
