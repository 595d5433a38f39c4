using System.Text;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Secrets;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

// The fast path of POST /lark/events: verify ▸ decrypt ▸ challenge ▸ parse ▸ filter ▸ claim ▸ hand off.
// Calls no model, proxy or chat API; bad input changes nothing.
public sealed class LarkIngress(
    IOptionsMonitor<LarkOptions> options,
    SecretRefresher secrets,
    LarkBotIdentity identity,
    ThreadActivity threads,
    TurnAdmission admission,
    TimeProvider time,
    ILogger<LarkIngress> logger)
{
    // How far ahead of our clock a plain event's header.create_time may be (clock skew).
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public async Task<EventReply> HandleAsync(byte[] body, IHeaderDictionary headers, CancellationToken cancellationToken)
    {
        var result = await HandleCoreAsync(options.CurrentValue, body, headers, cancellationToken);
        // Refused with the secrets in memory: they may have been rotated. Retried only when a re-read changed them
        // (at most one read per interval, however many bad requests arrive).
        if (result.IsUnauthorized()
            && await secrets.TryRefreshAsync("a Lark request failed verification", SecretRefresher.AckPathWait, cancellationToken))
        {
            result = await HandleCoreAsync(options.CurrentValue, body, headers, cancellationToken);
        }
        return result;
    }

    private async Task<EventReply> HandleCoreAsync(LarkOptions lark, byte[] body, IHeaderDictionary headers, CancellationToken cancellationToken)
    {
        var json = Encoding.UTF8.GetString(body);
        string? timestamp = headers["X-Lark-Request-Timestamp"], nonce = headers["X-Lark-Request-Nonce"], signature = headers["X-Lark-Signature"];
        LarkApp? signedBy = null;
        if (LarkEventParser.TryGetEncrypt(json, out var encrypted))
        {
            if (string.IsNullOrEmpty(signature))
            {
                // Only the URL verification challenge may arrive unsigned; its token proves who configured it.
                return UnsignedChallenge(lark, encrypted);
            }
            signedBy = lark.Apps.FirstOrDefault(a => a.EncryptKey is { } key && LarkCrypto.VerifySignature(timestamp, nonce, key, body, signature));
            if (signedBy is null)
            {
                return Reject("signature does not match any configured LARK_ENCRYPT_KEY");
            }
            if (!IsFresh(timestamp, lark.MaxRequestAge))
            {
                return Reject("stale or missing X-Lark-Request-Timestamp");
            }
            if (!LarkCrypto.TryDecrypt(signedBy.EncryptKey!, encrypted, out json))
            {
                return PlatformReplies.BadRequest("the encrypt field could not be decrypted");
            }
        }
        var inbound = LarkEventParser.Parse(json);
        switch (inbound)
        {
            case LarkInbound.Malformed bad:
                return PlatformReplies.BadRequest(bad.Reason);
            case LarkInbound.UrlVerification challenge:
                var owner = signedBy ?? lark.Apps.FirstOrDefault(a => LarkCrypto.TokenEquals(a.VerificationToken, challenge.Token));
                return owner is not null && LarkCrypto.TokenEquals(owner.VerificationToken, challenge.Token)
                    ? PlatformReplies.Challenge(challenge.Challenge)
                    : Reject("challenge token does not match LARK_VERIFICATION_TOKEN");
        }
        var header = inbound switch
        {
            LarkInbound.MessageReceived m => m.Header,
            LarkInbound.OtherEvent o => o.Header,
            _ => null,
        };
        var app = lark.Find(header?.AppId);
        if (header is null || app is null)
        {
            return Reject("unknown app_id");
        }
        if (!LarkCrypto.TokenEquals(app.VerificationToken, header.Token))
        {
            return Reject("header.token does not match LARK_VERIFICATION_TOKEN");
        }
        if (signedBy is not null && signedBy.EncryptKey != app.EncryptKey)
        {
            return Reject("event signed with another app's key");
        }
        if (signedBy is null && app.EncryptKey is { } appKey
            && (!LarkCrypto.VerifySignature(timestamp, nonce, appKey, body, signature) || !IsFresh(timestamp, lark.MaxRequestAge)))
        {
            return Reject("unsigned or stale event for an app with an encrypt key");
        }
        if (signedBy is null && app.EncryptKey is null && !IsRecent(header.CreateTime, lark.MaxRequestAge))
        {
            // Without an encrypt key only a static token vouches for the event: an old capture must not be replayable forever.
            return Reject("plain event whose header.create_time is missing, older than LARK_MAX_REQUEST_AGE_SECONDS or in the future");
        }
        if (inbound is not LarkInbound.MessageReceived message)
        {
            return PlatformReplies.Ack();
        }
        return await AdmitAsync(message, cancellationToken);
    }

    private async Task<EventReply> AdmitAsync(LarkInbound.MessageReceived message, CancellationToken cancellationToken)
    {
        var turn = message.Turn;
        if (message.SenderType != "user")
        {
            return PlatformReplies.Ack();
        }
        if (ChatTurnRules.Problem(turn) is { } problem)
        {
            return PlatformReplies.BadRequest(problem);
        }
        var needsCheck = false;
        if (!turn.IsDirect)
        {
            var decision = await AddressedAsync(turn, cancellationToken);
            if (decision is null)
            {
                return PlatformReplies.Ack();
            }
            needsCheck = decision.Value;
        }
        // Lark de-duplicates the notice by its reply uuid, so every delivery may ask for it.
        // A message that may be for someone else (the bot's id is not known yet) gets no notice when the store is down.
        return await admission.AdmitEventAsync(turn, needsCheck, noticeIfStoreDown: !needsCheck, cancellationToken);
    }

    // null: not for the bot; false: for the bot; true: maybe, the worker checks (bot id not known yet).
    private async Task<bool?> AddressedAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var botId = identity.TryGetCached(turn.AppId);
        if (botId is not null && turn.MentionedIds.Contains(botId, StringComparer.Ordinal))
        {
            return false;
        }
        if (await threads.IsBotThreadAsync(turn, cancellationToken))
        {
            // In the bot's thread no @ is needed, unless the message is clearly for someone else.
            return turn.MentionedIds.Count > 0 && botId is not null ? null : false;
        }
        return botId is null && turn.MentionedIds.Count > 0 ? true : null;
    }

    private EventReply UnsignedChallenge(LarkOptions lark, string encrypted)
    {
        foreach (var app in lark.Apps)
        {
            if (app.EncryptKey is { } key && LarkCrypto.TryDecrypt(key, encrypted, out var plain)
                && LarkEventParser.Parse(plain) is LarkInbound.UrlVerification challenge
                && LarkCrypto.TokenEquals(app.VerificationToken, challenge.Token))
            {
                return PlatformReplies.Challenge(challenge.Challenge);
            }
        }
        return Reject("unsigned encrypted request that is not a valid URL verification");
    }

    private bool IsFresh(string? timestamp, TimeSpan maxAge) =>
        long.TryParse(timestamp, out var seconds)
        && (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799))).Duration() <= maxAge;

    private bool IsRecent(DateTimeOffset? createdAt, TimeSpan maxAge)
    {
        var age = time.GetUtcNow() - createdAt;
        return age is { } a && a <= maxAge && a >= -MaxClockSkew;
    }

    private EventReply Reject(string reason)
    {
        Log.Rejected(logger, reason);
        return PlatformReplies.Unauthorized();
    }
}
