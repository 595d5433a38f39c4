using ChatOps.Aws;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.Routing;

namespace ChatOps.LarkBotAdapter.Ops.Guardrail;

// Runs each segment of an ops answer through the Bedrock guardrail before it is posted, so the answer still
// streams (one ApplyGuardrail call per segment) and nothing the guardrail has not seen reaches the thread.
public sealed class OpsGuardrailCheck(BedrockGuardrailClient client, ILogger<OpsGuardrailCheck> logger) : IAnswerCheck
{
    public Intent Intent => Intent.AwsOps;

    public async Task<string?> CheckAsync(ChatTurn turn, string markdown, CancellationToken cancellationToken)
    {
        var chinese = Language.LooksChinese(turn.Text);
        string? replacement;
        try
        {
            replacement = await client.ApplyToOutputAsync(markdown, cancellationToken);
        }
        catch (Exception ex) when (ex is AwsServiceException or InvalidDataException or HttpRequestException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            Log.GuardrailFailed(logger, turn.ClaimKey, ex);
            throw new ResponderException(chinese
                ? "无法用安全护栏（Bedrock Guardrails）检查这个回答，所以没有发出未经检查的内容。"
                : "the answer could not be checked by the safety guardrail (Bedrock Guardrails), so nothing unchecked was posted.", retryable: true, ex);
        }
        if (replacement is null)
        {
            return null;
        }
        Log.GuardrailIntervened(logger, turn.ClaimKey);
        return replacement.Length > 0
            ? replacement
            : chinese ? "⚠️ 安全护栏拦截了这个回答的其余部分。" : "⚠️ The rest of this answer was withheld by the safety guardrail.";
    }
}
