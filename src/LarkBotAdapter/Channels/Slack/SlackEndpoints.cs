using ChatOps.LarkBotAdapter.Ingress;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

/// <summary><c>POST /slack/events</c> (Events API) and <c>POST /slack/commands</c> (slash commands).</summary>
public static class SlackEndpoints
{
    private const string NotConfigured = "Slack is not configured here: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN.";

    public static RouteGroupBuilder MapSlack(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/slack");
        group.MapPost("/events", HandleEventsAsync);
        group.MapPost("/commands", HandleCommandAsync);
        return group;
    }

    private static async Task<IResult> HandleEventsAsync(
        HttpRequest request, IOptions<SlackOptions> options, SlackIngress ingress, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return IngressResults.Error(StatusCodes.Status404NotFound, NotConfigured);
        }
        var body = await RequestBody.ReadAsync(request, RequestBody.MaxBytes, cancellationToken);
        if (body is null)
        {
            return IngressResults.TooLarge();
        }
        return (await ingress.HandleAsync(body, request.Headers, cancellationToken)).ToHttp();
    }

    private static async Task<IResult> HandleCommandAsync(
        HttpRequest request, IOptions<SlackOptions> options, SlackCommandIngress ingress, CancellationToken cancellationToken)
    {
        if (!options.Value.IsConfigured)
        {
            return IngressResults.Error(StatusCodes.Status404NotFound, NotConfigured);
        }
        var body = await RequestBody.ReadAsync(request, RequestBody.MaxBytes, cancellationToken);
        if (body is null)
        {
            return IngressResults.TooLarge();
        }
        var reply = await ingress.HandleAsync(body, request.Headers, cancellationToken);
        return reply.StatusCode == StatusCodes.Status200OK
            ? TypedResults.Json(new SlackCommandMessage("ephemeral", reply.Text), SlackJsonContext.Default.SlackCommandMessage)
            : IngressResults.Error(reply.StatusCode, reply.Text);
    }
}
