using ChatOps.LarkBotAdapter.Telemetry;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Ingress;

// The opening every platform endpoint shares: 404 naming the settings when the platform is not configured
// here, 413 when the body is over RequestBody.MaxBytes; only then the platform's signature filter
// (RequireLarkSignature, RequireSlackSignature) and the handler run.
public sealed class PlatformGate(Func<IServiceProvider, bool> isConfigured, string notConfigured) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!isConfigured(context.HttpContext.RequestServices))
        {
            return PlatformReplies.Error(StatusCodes.Status404NotFound, notConfigured);
        }
        if (context.Arguments.OfType<PlatformRequest>().Any(request => request.TooLarge))
        {
            return PlatformReplies.Error(StatusCodes.Status413PayloadTooLarge, $"request body over {RequestBody.MaxBytes} bytes");
        }
        return await next(context);
    }
}

public static class PlatformGateExtensions
{
    // Puts every endpoint of the group behind a PlatformGate.
    public static RouteGroupBuilder RequireConfigured(this RouteGroupBuilder group, Func<IServiceProvider, bool> isConfigured, string notConfigured)
    {
        // Outermost, so an ack's latency and refusal reason include the gate's and the signature check's answers.
        group.AddEndpointFilter<AckTimer>();
        group.AddEndpointFilter(new PlatformGate(isConfigured, notConfigured));
        return group;
    }

    // The same, with the platform configured when the current TOptions say so.
    public static RouteGroupBuilder RequireConfigured<TOptions>(this RouteGroupBuilder group, Func<TOptions, bool> isConfigured, string notConfigured)
        where TOptions : class =>
        group.RequireConfigured(services => isConfigured(services.GetRequiredService<IOptionsMonitor<TOptions>>().CurrentValue), notConfigured);
}
