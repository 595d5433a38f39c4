using ChatOps.LarkBotAdapter.Ingress;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// POST /slack/events (Events API) and POST /slack/commands (slash commands).
public static class SlackEndpoints
{
    public static RouteGroupBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/slack").RequireConfigured(
            services => services.GetRequiredService<IOptionsMonitor<SlackOptions>>().CurrentValue.IsConfigured,
            "Slack is not configured here: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN.");
        group.MapPost("/events", (PlatformRequest request, SlackIngress ingress, CancellationToken cancellationToken) =>
            ingress.HandleAsync(request.Body, request.Headers, cancellationToken));
        group.MapPost("/commands", (PlatformRequest request, SlackCommandIngress ingress, CancellationToken cancellationToken) =>
            ingress.HandleAsync(request.Body, request.Headers, cancellationToken));
        return group;
    }
}
