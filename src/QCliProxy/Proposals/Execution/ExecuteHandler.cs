using System.Text.Json;
using ChatOps.Contracts;
using ChatOps.QCliProxy.Proposals;
using ChatOps.QCliProxy.Proposals.Rules;
using ChatOps.QCliProxy.Proposals.Store;

namespace ChatOps.QCliProxy.Proposals.Execution;

// POST /v1/proposals/{id}/execute, after SignatureGate (the same as /v1/chat's, same replay guard). 404 unknown id,
// 409 when the approved hash is not the stored proposal's, 410 when it is older than QCLI_PROPOSAL_HOURS; otherwise
// it runs once and every request (concurrent, retried, or after a restart) gets the first result.
internal sealed class ExecuteHandler(
    ProposalStore store, ProposalExecutor executor, ProposalOptions options, TimeProvider time, ILogger<ExecuteHandler> logger)
{
    // body: the exact bytes SignatureGate found authentic.
    public async Task<IResult> HandleAsync(string id, byte[] body)
    {
        var request = Parse(body);
        if (request is null)
        {
            return TypedResults.BadRequest();
        }

        var proposal = store.Find(id);
        if (proposal is null)
        {
            Log.ExecuteUnknown(logger, ProposalRules.IsId(id) ? id : "(malformed)");
            return TypedResults.NotFound();
        }

        // The stored proposal is hashed afresh: a changed file on disk is as refused as a changed request.
        if (!QCliProposalHash.Matches(QCliProposalHash.Compute(proposal), request.ArgumentsHash))
        {
            Log.ExecuteTampered(logger, proposal.Id, request.ApprovedBy);
            return TypedResults.Conflict();
        }

        // Not cancelled by a client that leaves: once started, the run finishes and its result is kept for the retry.
        using var held = await store.LockAsync(proposal.Id, time, CancellationToken.None);
        if (store.ResultOf(proposal.Id) is { } earlier)
        {
            Log.ExecuteRepeated(logger, proposal.Id);
            return Json(earlier);
        }

        if (store.WasStarted(proposal.Id))
        {
            // A previous process died during the execution: its outcome is unknown, so it is not run again.
            var unknown = QCliExecuteResult.Failure(
                "the proxy stopped while this was being executed; its outcome is unknown and it was not run again", time.GetUtcNow());
            store.SaveResult(proposal.Id, unknown);
            return Json(unknown);
        }

        if (time.GetUtcNow() - proposal.CreatedAt > options.Lifetime)
        {
            Log.ExecuteExpired(logger, proposal.Id);
            return TypedResults.StatusCode(StatusCodes.Status410Gone);
        }

        store.MarkStarted(proposal.Id, request.ApprovedBy ?? "?");
        Log.ExecutionStarted(logger, proposal.Id, proposal.Kind, proposal.Profile, request.ApprovedBy, proposal.ArgumentsHash);
        var result = await executor.ExecuteAsync(proposal, CancellationToken.None);
        store.SaveResult(proposal.Id, result);
        Log.ExecutionEnded(logger, proposal.Id, result.Status, result.CaseId, result.ExitCode);
        return Json(result);
    }

    private static QCliExecuteRequest? Parse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, QCliProtocolJsonContext.Default.QCliExecuteRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult Json(QCliExecuteResult result) => TypedResults.Json(result, QCliProtocolJsonContext.Default.QCliExecuteResult);
}
