using ChatOps.Contracts;
using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Chat;

// The first thing a chat request meets: its signature (never seen before within the window), or in dev mode without a
// secret, a loopback peer.
internal sealed class RequestAuthenticator(ProxyOptions options, ReplayGuard replays, TimeProvider time, ILogger<RequestAuthenticator> logger)
{
    public bool IsAuthentic(HttpContext context, ReadOnlySpan<byte> body)
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

        string? signature = context.Request.Headers[QCliProtocol.SignatureHeader];
        var check = QCliRequestSignature.Verify(
            options.Secret,
            context.Request.Headers[QCliProtocol.TimestampHeader],
            signature,
            body,
            time.GetUtcNow());
        if (check != QCliSignatureCheck.Valid)
        {
            Log.SignatureRejected(logger, check.ToString(), peer?.ToString());
            return false;
        }

        if (!replays.TryRecord(signature!))
        {
            Log.Replayed(logger, peer?.ToString());
            return false;
        }

        return true;
    }
}
