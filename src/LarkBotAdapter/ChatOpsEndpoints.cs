using ChatOps.LarkBotAdapter.Channels;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;
using ChatOps.LarkBotAdapter.Health;
using ChatOps.LarkBotAdapter.Ingress;

namespace ChatOps.LarkBotAdapter;

public static class ChatOpsEndpoints
{
    private const string LarkNotConfigured = "Lark is not configured here: set LARK_APP_ID, LARK_APP_SECRET and LARK_VERIFICATION_TOKEN.";
    private const string SlackNotConfigured = "Slack is not configured here: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN.";

    // Every endpoint of the contract (CONTRACTS.md §1). A platform's group answers 404 until that platform is
    // configured and runs its handlers only for requests its signature filter verified.
    //   /lark/events: the event subscription (schema 2.0, plain or encrypted); /lark/cards: the card callback URL.
    //   /slack/events: the Events API; /slack/commands: slash commands; /slack/interactions: button clicks.
    public static IEndpointRouteBuilder MapChatOps(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealth();
        var lark = endpoints.MapGroup("/lark").RequireConfigured<LarkOptions>(o => o.IsConfigured, LarkNotConfigured).RequireLarkSignature();
        lark.MapPost("/events", (PlatformRequest _, HttpContext context, LarkIngress ingress) =>
            ingress.HandleAsync(LarkSignatureFilter.Verified(context), context.RequestAborted));
        lark.MapPost("/cards", (PlatformRequest _, HttpContext context, LarkCardIngress ingress) =>
            ingress.HandleAsync(LarkSignatureFilter.Verified(context), context.RequestAborted));
        var slack = endpoints.MapGroup("/slack").RequireConfigured<SlackOptions>(o => o.IsConfigured, SlackNotConfigured).RequireSlackSignature();
        slack.MapPost("/events", (PlatformRequest request, SlackIngress ingress, CancellationToken cancellationToken) =>
            ingress.HandleAsync(request, cancellationToken));
        slack.MapPost("/commands", (PlatformRequest request, SlackCommandIngress ingress, CancellationToken cancellationToken) =>
            ingress.HandleAsync(request.Body, cancellationToken));
        slack.MapPost("/interactions", (PlatformRequest request, SlackInteractionIngress ingress, CancellationToken cancellationToken) =>
            ingress.HandleAsync(request.Body, cancellationToken));
        endpoints.MapJobs();
        return endpoints;
    }
}
