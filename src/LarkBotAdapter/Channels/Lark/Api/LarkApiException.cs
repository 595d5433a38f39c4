using ChatOps.LarkBotAdapter.Conversations;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Api;

// The Lark Open API refused a call. Exception.Message holds Lark's code and msg, never tokens.
public sealed class LarkApiException(int code, string larkMessage, int httpStatus)
    : PlatformApiException($"Lark API error {code} (HTTP {httpStatus}): {larkMessage}", httpStatus)
{
    public override bool IsTargetGone => IsMessageRecalled;

    public override bool IsTransient => HttpStatus is 429 or >= 500 || Code is 99991400 or 230020;

    public int Code { get; } = code;

    // The tenant access token was rejected: refresh it and try again.
    public bool IsTokenError => Code is 99991661 or 99991663 or 99991664 or 99991665 or 99991668;

    // The token endpoint refused the app's credentials (app secret invalid): the secret may have been rotated.
    public bool IsAppSecretRejected => Code is 10014;

    // The message being replied to was recalled (withdrawn) by its sender.
    public bool IsMessageRecalled => Code == 230011;
}
