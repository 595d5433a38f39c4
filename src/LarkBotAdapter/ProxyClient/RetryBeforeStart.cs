
namespace ChatOps.LarkBotAdapter.ProxyClient;

// Failures of a chat request that happened before any proxy started the CLI, so sending it once more (the balancer then
// picks another instance) cannot run it twice: a 502/503 (the ALB without a healthy target, or a draining proxy's busy
// refusal) and a connection reset before the response headers (a proxy sends its headers before it starts the CLI).
// Connection refusals have their own attempts (QCLI_PROXY_CONNECT_ATTEMPTS); a TLS failure is never retried.
internal static class RetryBeforeStart
{
    public static bool Applies(Exception exception) => exception switch
    {
        QCliProxyException { Failure: QCliFailure.HttpStatus, StatusCode: 502 or 503 } => true,
        HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => false,
        HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded } => true,
        HttpRequestException { InnerException: IOException } => true,
        _ => false,
    };

    // A certificate that could not be verified: said plainly, naming the setting that fixes a private CA.
    public static QCliProxyException Untrusted(HttpRequestException exception) => new(
        QCliFailure.Untrusted,
        $"The proxy's TLS certificate could not be verified; if a private CA issued it, name its PEM bundle in {ProxyCaBundle.Setting}.",
        exception);
}
