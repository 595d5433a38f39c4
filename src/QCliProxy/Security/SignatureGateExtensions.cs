namespace ChatOps.QCliProxy.Security;

internal static class SignatureGateExtensions
{
    // Puts the endpoint behind a SignatureGate; its handler takes a SignedRequest.
    public static RouteHandlerBuilder RequireSignature(this RouteHandlerBuilder endpoint, Func<HttpContext, string> protocolPath) =>
        endpoint.AddEndpointFilterFactory((factory, next) =>
        {
            var gate = new SignatureGate(factory.ApplicationServices.GetRequiredService<RequestAuthenticator>(), protocolPath);
            return context => gate.InvokeAsync(context, next);
        });
}
