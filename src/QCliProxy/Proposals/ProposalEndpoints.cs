using ChatOps.Contracts;
using ChatOps.QCliProxy.Proposals.Execution;
using ChatOps.QCliProxy.Security;

namespace ChatOps.QCliProxy.Proposals;

public static class ProposalEndpoints
{
    // POST /v1/proposals/{id}/execute (QCliProtocol.ExecutePath), behind the signature gate like chat.
    public static IEndpointRouteBuilder MapProposals(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/proposals/{id}/execute", (SignedRequest request, string id, HttpContext context) =>
                context.RequestServices.GetRequiredService<ExecuteHandler>().HandleAsync(id, request.Body))
            .RequireSignature(context => QCliProtocol.ExecutePath((string)context.Request.RouteValues["id"]!));
        return endpoints;
    }
}
