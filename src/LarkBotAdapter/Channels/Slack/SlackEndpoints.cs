using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.LarkBotAdapter.Ingress;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// POST /slack/events (Events API), POST /slack/commands (slash commands) and POST /slack/interactions (button
// clicks: the Interactivity Request URL), all behind RequireConfigured and RequireSlackSignature.
public static class SlackEndpoints
{
    public static RouteGroupBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/slack")
            .RequireConfigured<SlackOptions>(o => o.IsConfigured, "Slack is not configured here: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN.")
            .RequireSlackSignature();
        group.MapPost("/events", (PlatformRequest request, SlackIngress ingress, CancellationToken cancellationToken) =>
            ingress.HandleAsync(request, cancellationToken));
        group.MapPost("/commands", (PlatformRequest request, SlackCommandIngress ingress, CancellationToken cancellationToken) =>
            ingress.HandleAsync(request.Body, cancellationToken));
        group.MapPost("/interactions", (PlatformRequest request, SlackInteractionIngress ingress, CancellationToken cancellationToken) =>
            ingress.HandleAsync(request.Body, cancellationToken));
        return group;
    }

    // Runs every endpoint of the group only for a request signed with the signing secret (SlackSignatureFilter).
    public static RouteGroupBuilder RequireSlackSignature(this RouteGroupBuilder group) =>
        group.AddEndpointFilter<RouteGroupBuilder, SlackSignatureFilter>();
}
