namespace ChatOps.QCliProxy.Proposals;

public static class ProposalEndpoints
{
    // POST /v1/proposals/{id}/execute (QCliProtocol.ExecutePath). The handler reads the raw body: the signature covers it.
    public static IEndpointRouteBuilder MapProposals(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/proposals/{id}/execute", (HttpContext context, string id) =>
            context.RequestServices.GetRequiredService<ExecuteHandler>().HandleAsync(context, id));
        return endpoints;
    }
}
