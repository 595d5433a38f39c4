using ChatOps.Aws;
using ChatOps.LarkBotAdapter.Guardrail;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Approvals;

// The ops guardrail (OPS_GUARDRAIL_ID) on what approvals show: a proposal's card before it is offered, and an
// execution's result before it is posted. Registered only with the guardrail; the desk and the executor then never show
// such text unchecked. An outage withholds the text like an intervention does, with a reason saying so.
public sealed class ApprovalGuardrail(BedrockGuardrailClient client, ILogger<ApprovalGuardrail> logger)
{
    // Null when the card may be offered; otherwise why not. Checks what the card shows of the proposal: its title,
    // AWS profile and arguments, scrubbed as on the card.
    public Task<string?> CardWithheldAsync(ApprovalView view, CancellationToken cancellationToken)
    {
        var card = ApprovalCardScrubber.Scrub(view.Card);
        var text = string.Join("\n", [card.Title, $"profile: {card.Profile}", .. card.Fields.Select(f => $"{f.Name}: {f.Value}")]);
        return WithheldAsync(card.ProposalId, "card", text, view.Language, cancellationToken);
    }

    // Null when an execution's result (as it would be posted) may be shown; otherwise why not.
    public Task<string?> ResultWithheldAsync(ApprovalView view, string text, CancellationToken cancellationToken) =>
        WithheldAsync(view.Record.Id, "result", text, view.Language, cancellationToken);

    // Null when text may be shown as it is; otherwise why it is withheld (the guardrail's own words where it gave any).
    // subject names what is checked, for the log ("card", "result").
    private async Task<string?> WithheldAsync(string proposalId, string subject, string text, TurnLanguage language, CancellationToken cancellationToken)
    {
        string? replacement;
        try
        {
            replacement = await client.ApplyToOutputAsync(text, cancellationToken);
        }
        catch (Exception ex) when (ex is AwsServiceException or InvalidDataException or HttpRequestException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.ApprovalGuardrailFailed(logger, proposalId, subject, ex);
            return GuardrailTexts.ApprovalNotChecked(language);
        }
        if (replacement is null)
        {
            return null;
        }
        Log.ApprovalGuardrailIntervened(logger, proposalId, subject);
        return replacement.Length > 0 ? replacement : GuardrailTexts.ApprovalWithheld(language);
    }
}
