using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Api;

// The Lark Open API refused a call. Exception.Message holds Lark's code and msg, never tokens.
public sealed class LarkApiException(int code, string larkMessage, int httpStatus)
    : Exception($"Lark API error {code} (HTTP {httpStatus}): {larkMessage}")
{
    public int Code { get; } = code;

    public int HttpStatus { get; } = httpStatus;

    // The tenant access token was rejected: refresh it and try again.
    public bool IsTokenError => Code is 99991661 or 99991663 or 99991664 or 99991665 or 99991668;

    // The token endpoint refused the app's credentials (app secret invalid): the secret may have been rotated.
    public bool IsAppSecretRejected => Code is 10014;

    // The message being replied to was recalled (withdrawn) by its sender.
    public bool IsMessageRecalled => Code == 230011;

    // Worth retrying later (rate limits, server errors).
    public bool IsTransient => HttpStatus is 429 or >= 500 || Code is 99991400 or 230020;

    // The one place a failed Lark call (a LarkApiException, or Lark not reached: HttpRequestException) becomes the
    // ReplyFailedException the worker reads.
    public static ReplyFailedException ReplyFailure(Exception ex) => ex switch
    {
        LarkApiException api => new ReplyFailedException(api.Message, targetGone: api.IsMessageRecalled, transient: api.IsTransient, api),
        _ => new ReplyFailedException($"Lark could not be reached: {ex.Message}", targetGone: false, transient: true, ex),
    };
}
