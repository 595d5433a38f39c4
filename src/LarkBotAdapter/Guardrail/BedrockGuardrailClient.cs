using ChatOps.Aws;

namespace ChatOps.LarkBotAdapter.Guardrail;

// Bedrock Runtime's ApplyGuardrail over a typed HttpClient that signs (SigV4, bedrock) and
// retries 429/5xx; its base address is the Bedrock Runtime endpoint.
public sealed class BedrockGuardrailClient(HttpClient http, OpsGuardrailOptions options)
{
    public const string Intervened = "GUARDRAIL_INTERVENED";

    // Checks text as model output. Returns null when the guardrail let it pass, else the
    // guardrail's own outputs joined (empty when it gave none).
    // Throws AwsServiceException: A non-success answer (after the client's retries).
    // Throws InvalidDataException: The answer is not ApplyGuardrail's JSON.
    public async Task<string?> ApplyToOutputAsync(string text, CancellationToken cancellationToken)
    {
        var path = $"guardrail/{Uri.EscapeDataString(options.Id)}/version/{Uri.EscapeDataString(options.Version)}/apply";
        var body = new ApplyGuardrailRequest("OUTPUT", [new GuardrailContent(new GuardrailText(text))]);
        var answer = await http.PostAwsJsonAsync(
            path, body, GuardrailJsonContext.Default.ApplyGuardrailRequest, GuardrailJsonContext.Default.ApplyGuardrailResponse, cancellationToken);
        if (answer.Action is not { } action)
        {
            throw new InvalidDataException("ApplyGuardrail answered without an action.");
        }
        return action == Intervened
            ? string.Join("\n\n", (answer.Outputs ?? []).Select(o => o.Text).Where(t => !string.IsNullOrWhiteSpace(t)))
            : null;
    }
}
