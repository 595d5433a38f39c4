using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace ChatOps.LarkBotAdapter.ProxyClient;

// The connection to the proxy (or the fleet's internal ALB): no redirects, a bounded connect, and for https:// the
// certificate verified as usual (name and chain), against the QCLI_PROXY_CA_FILE roots only when that is set.
internal static class ProxyHttpHandler
{
    public static SocketsHttpHandler Create(QCliProxyOptions options)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectTimeout = options.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (options.CaCertificates is { Count: > 0 } roots)
        {
            // Revocation is not checked, as with the default handler: a private CA rarely publishes a CRL the Lambda can reach.
            var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
            policy.CustomTrustStore.AddRange(roots);
            handler.SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy };
        }

        return handler;
    }
}
