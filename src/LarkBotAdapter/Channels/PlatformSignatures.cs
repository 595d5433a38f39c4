using ChatOps.LarkBotAdapter.Channels.Lark.Inbound;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

namespace ChatOps.LarkBotAdapter.Channels;

// The signature checks of the platforms' endpoint groups, beside RequireConfigured: each platform verifies its own
// requests (LarkSignatureFilter: token, signature or encrypted body; SlackSignatureFilter: the signing secret), so no
// ingress borrows another's verification.
public static class PlatformSignatures
{
    public static RouteGroupBuilder RequireLarkSignature(this RouteGroupBuilder group) =>
        group.AddEndpointFilter<RouteGroupBuilder, LarkSignatureFilter>();

    public static RouteGroupBuilder RequireSlackSignature(this RouteGroupBuilder group) =>
        group.AddEndpointFilter<RouteGroupBuilder, SlackSignatureFilter>();
}
