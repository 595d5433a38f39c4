using ChatOps.Aws;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Guardrail;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Ops.Guardrail;

// Runs each segment of an ops answer through the Bedrock guardrail before it is posted, so the answer still
// streams (one ApplyGuardrail call per segment) and nothing the guardrail has not seen reaches the thread.
public sealed class OpsGuardrailCheck(BedrockGuardrailClient client, ILogger<OpsGuardrailCheck> logger) : IAnswerCheck
{
    public Intent Intent => Intent.AwsOps;

    public async Task<string?> CheckAsync(ChatTurn turn, TurnLanguage language, string markdown, CancellationToken cancellationToken)
    {
        string? replacement;
        try
        {
            replacement = await client.ApplyToOutputAsync(markdown, cancellationToken);
        }
        catch (Exception ex) when (ex is AwsServiceException or InvalidDataException or HttpRequestException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.GuardrailFailed(logger, turn.ClaimKey, ex);
            throw new ResponderException(GuardrailTexts.AnswerNotChecked(language), retryable: true, ex);
        }
        if (replacement is null)
        {
            return null;
        }
        Log.GuardrailIntervened(logger, turn.ClaimKey);
        return replacement.Length > 0 ? replacement : GuardrailTexts.AnswerWithheld(language);
    }
}
