using ChatOps.LarkBotAdapter.Ingress;
using ChatOps.LarkBotAdapter.Secrets;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

// RequireSlackSignature(): every /slack endpoint runs only for a request whose X-Slack-Signature matches the signing
// secret within the timestamp window; anything else is a 401 {"error":"unauthorized"} that changes nothing. When
// the check fails it re-reads the platform secret (it may have been rotated; at most once per interval) and checks
// again only if that changed it.
public sealed class SlackSignatureFilter(
    IOptionsMonitor<SlackOptions> options, SecretRefresher secrets, TimeProvider time, ILogger<SlackSignatureFilter> logger) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<PlatformRequest>().Single();
        if (Verified(options.CurrentValue, request)
            || (await secrets.TryRefreshAsync("a Slack request failed verification", SecretRefresher.AckPathWait, context.HttpContext.RequestAborted)
                && options.CurrentValue.IsConfigured
                && Verified(options.CurrentValue, request)))
        {
            return await next(context);
        }
        return PlatformReplies.Unauthorized();
    }

    // Checks X-Slack-Signature and the timestamp window; logs why a request is refused.
    private bool Verified(SlackOptions slack, PlatformRequest request)
    {
        if (SlackSignature.Verify(
            slack.SigningSecret!, request.Headers[SlackSignature.TimestampHeader], request.Body, request.Headers[SlackSignature.SignatureHeader],
            time.GetUtcNow(), slack.MaxRequestAge))
        {
            return true;
        }
        Log.Rejected(logger);
        return false;
    }
}
