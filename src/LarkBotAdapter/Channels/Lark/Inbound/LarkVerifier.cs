using System.Text;
using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Secrets;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// Verify ▸ decrypt ▸ challenge ▸ parse, for every Lark request (events and card callbacks), run by
// LarkSignatureFilter: either the reply that ends the request there (a URL challenge, 400, 401) or the verified body
// and the app it belongs to.
public sealed class LarkVerifier(IOptionsMonitor<LarkOptions> options, SecretRefresher secrets, TimeProvider time, ILogger<LarkVerifier> logger)
{
    // How far ahead of our clock a plain event's header.create_time may be (clock skew).
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public async Task<LarkVerified> VerifyAsync(PlatformRequest request, CancellationToken cancellationToken)
    {
        var result = Verify(options.CurrentValue, request);
        // Refused with the secrets in memory: they may have been rotated. Retried only when a re-read changed them
        // (at most one read per interval, however many bad requests arrive).
        if (result.Reply is { } refused && refused.IsUnauthorized()
            && await secrets.TryRefreshAsync("a Lark request failed verification", SecretRefresher.AckPathWait, cancellationToken))
        {
            result = Verify(options.CurrentValue, request);
        }
        return result;
    }

    private LarkVerified Verify(LarkOptions lark, PlatformRequest request)
    {
        var signed = new Signed(
            request.Body, request.Headers["X-Lark-Request-Timestamp"], request.Headers["X-Lark-Request-Nonce"], request.Headers["X-Lark-Signature"]);
        var json = Encoding.UTF8.GetString(request.Body);
        LarkApp? signedBy = null;
        if (LarkEventParser.TryGetEncrypt(json, out var encrypted))
        {
            var (refusal, plain, app) = Open(lark, signed, encrypted);
            if (refusal is not null)
            {
                return refusal;
            }
            (json, signedBy) = (plain, app);
        }
        return LarkEventParser.Parse(json) switch
        {
            LarkInbound.Malformed bad => new LarkVerified(PlatformReplies.BadRequest(bad.Reason)),
            LarkInbound.UrlVerification challenge => Challenge(lark, challenge, signedBy),
            var inbound => Authenticate(lark, inbound, signedBy, signed),
        };
    }

    // An encrypted body: signed by one of the apps' encrypt keys, fresh, and decryptable with that key.
    private (LarkVerified? Refusal, string Json, LarkApp? SignedBy) Open(LarkOptions lark, Signed signed, string encrypted)
    {
        if (string.IsNullOrEmpty(signed.Signature))
        {
            // Only the URL verification challenge may arrive unsigned; its token proves who configured it.
            return (new LarkVerified(UnsignedChallenge(lark, encrypted)), "", null);
        }
        var signedBy = lark.Apps.FirstOrDefault(a => a.EncryptKey is { } key && signed.IsSignedWith(key));
        if (signedBy is null)
        {
            return (Refuse("signature does not match any configured LARK_ENCRYPT_KEY"), "", null);
        }
        if (!IsFresh(signed.Timestamp, lark.MaxRequestAge))
        {
            return (Refuse("stale or missing X-Lark-Request-Timestamp"), "", null);
        }
        return LarkCrypto.TryDecrypt(signedBy.EncryptKey!, encrypted, out var json)
            ? (null, json, signedBy)
            : (new LarkVerified(PlatformReplies.BadRequest("the encrypt field could not be decrypted")), "", null);
    }

    private LarkVerified Challenge(LarkOptions lark, LarkInbound.UrlVerification challenge, LarkApp? signedBy)
    {
        var owner = signedBy ?? lark.Apps.FirstOrDefault(a => LarkCrypto.TokenEquals(a.VerificationToken, challenge.Token));
        return owner is not null && LarkCrypto.TokenEquals(owner.VerificationToken, challenge.Token)
            ? new LarkVerified(PlatformReplies.Challenge(challenge.Challenge))
            : Refuse("challenge token does not match LARK_VERIFICATION_TOKEN");
    }

    // The event names a configured app, carries its verification token, and is signed (or recent) as that app requires.
    private LarkVerified Authenticate(LarkOptions lark, LarkInbound inbound, LarkApp? signedBy, Signed signed)
    {
        var header = inbound switch
        {
            LarkInbound.MessageReceived m => m.Header,
            LarkInbound.CardAction a => a.Header,
            LarkInbound.OtherEvent o => o.Header,
            _ => null,
        };
        var app = lark.Find(header?.AppId);
        if (header is null || app is null)
        {
            return Refuse("unknown app_id");
        }
        if (!LarkCrypto.TokenEquals(app.VerificationToken, header.Token))
        {
            return Refuse("header.token does not match LARK_VERIFICATION_TOKEN");
        }
        if (signedBy is not null && signedBy.EncryptKey != app.EncryptKey)
        {
            return Refuse("event signed with another app's key");
        }
        if (signedBy is null && app.EncryptKey is { } appKey && (!signed.IsSignedWith(appKey) || !IsFresh(signed.Timestamp, lark.MaxRequestAge)))
        {
            return Refuse("unsigned or stale event for an app with an encrypt key");
        }
        if (signedBy is null && app.EncryptKey is null && !IsRecent(header.CreateTime, lark.MaxRequestAge))
        {
            // Without an encrypt key only a static token vouches for the event: an old capture must not be replayable forever.
            return Refuse("plain event whose header.create_time is missing, older than LARK_MAX_REQUEST_AGE_SECONDS or in the future");
        }
        return new LarkVerified(null, inbound, app);
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

    private LarkVerified Refuse(string reason) => new(Reject(reason));

    private EventReply Reject(string reason)
    {
        Log.Rejected(logger, reason);
        return PlatformReplies.Unauthorized();
    }

    // The signature headers and the exact bytes they cover.
    private sealed record Signed(byte[] Body, string? Timestamp, string? Nonce, string? Signature)
    {
        public bool IsSignedWith(string encryptKey) => LarkCrypto.VerifySignature(Timestamp, Nonce, encryptKey, Body, Signature);
    }
}
