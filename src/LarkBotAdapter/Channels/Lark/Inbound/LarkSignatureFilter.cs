using ChatOps.LarkBotAdapter.Ingress;
using Microsoft.AspNetCore.Http.Features;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// RequireLarkSignature(): every /lark endpoint runs only for a request LarkVerifier accepted. A URL challenge, 400 or
// 401 is answered here; otherwise the handler reads the verified body with Verified(HttpContext).
public sealed class LarkSignatureFilter(LarkVerifier verifier) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<PlatformRequest>().Single();
        var verified = await verifier.VerifyAsync(request, context.HttpContext.RequestAborted);
        if (verified.Reply is { } reply)
        {
            return reply;
        }
        context.HttpContext.Features.Set(verified);
        return await next(context);
    }

    // The request as this filter verified it.
    public static LarkVerified Verified(HttpContext context) => context.Features.GetRequiredFeature<LarkVerified>();
}
