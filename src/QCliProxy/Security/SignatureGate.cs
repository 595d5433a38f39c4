using ChatOps.Contracts;

namespace ChatOps.QCliProxy.Security;

// The opening every signed endpoint shares: 413 when the body is over RequestBody.MaxBytes, 401 when
// RequestAuthenticator refuses it (signature, window, replay, or a non-loopback peer in dev mode); only then the
// handler runs. protocolPath gives the protocol path the request was routed to, which is what the client signed.
internal sealed class SignatureGate(RequestAuthenticator authenticator, Func<HttpContext, string> protocolPath) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.Arguments.OfType<SignedRequest>().Single();
        if (request.TooLarge)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var http = context.HttpContext;
        if (!authenticator.IsAuthentic(http, QCliProtocol.SignedPath(protocolPath(http)), request.Body))
        {
            return TypedResults.Unauthorized();
        }

        return await next(context);
    }
}
