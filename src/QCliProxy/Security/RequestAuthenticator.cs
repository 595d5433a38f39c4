using System.Globalization;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Security;

// The first thing a request meets: its signature over method, protocol path, timestamp and body (never seen before
// within the window), or in dev mode without a secret, a loopback peer.
internal sealed class RequestAuthenticator(ProxyOptions options, ReplayGuard replays, TimeProvider time, ILogger<RequestAuthenticator> logger)
{
    // path: the protocol path the request was routed to (QCliProtocol.SignedPath), which is what the client signed.
    public bool IsAuthentic(HttpContext context, string path, ReadOnlySpan<byte> body)
    {
        var peer = context.Connection.RemoteIpAddress;
        if (options.Secret is null)
        {
            // Only reachable with QCLI_DEV_MODE=true (validated at start).
            var loopback = peer is not null && System.Net.IPAddress.IsLoopback(peer);
            if (!loopback)
            {
                Log.SignatureRejected(logger, "dev mode accepts loopback clients only", peer?.ToString());
            }

            return loopback;
        }

        var headers = context.Request.Headers;
        var signed = new QCliSignedRequest(context.Request.Method, path, Single(headers[QCliProtocol.TimestampHeader]), Single(headers[QCliProtocol.SignatureHeader]));
        var check = QCliRequestSignature.Verify(options.Secret, signed, body, time.GetUtcNow(), options.AcceptV1Signatures);
        if (check != QCliSignatureCheck.Valid)
        {
            Log.SignatureRejected(logger, check.ToString(), peer?.ToString());
            return false;
        }

        var seconds = long.Parse(signed.Timestamp!, NumberStyles.None, CultureInfo.InvariantCulture);
        if (!replays.TryRecord(ReplayGuard.Key(seconds, body)))
        {
            Log.Replayed(logger, peer?.ToString());
            return false;
        }

        return true;
    }

    // A header sent more than once is not one signature: it is refused as malformed rather than joined or picked from.
    private static string? Single(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Count switch { 0 => null, 1 => values[0], _ => "(repeated)" };
}
