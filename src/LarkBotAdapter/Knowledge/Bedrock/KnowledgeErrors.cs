using System.Net;
using ChatOps.Aws;
using ChatOps.LarkBotAdapter.Routing;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Says what failed and what to do, for each way a knowledge-base call fails after the HTTP pipeline's retries.
// Messages name settings and IAM actions, never the question, the AWS message or a stack trace.
internal static class KnowledgeErrors
{
    // Whether Bedrock rejected the session id we sent (expired after 24 h, or unknown).
    public static bool IsSessionRejected(AwsServiceException ex) =>
        ex.ErrorType is "ValidationException" or "ResourceNotFoundException"
        && ex.AwsMessage?.Contains("session", StringComparison.OrdinalIgnoreCase) == true;

    // The user-facing failure, or null for exceptions that are not a knowledge-base failure.
    public static ResponderException? Translate(Exception exception, BedrockKnowledgeOptions options) => exception switch
    {
        AwsServiceException ex => FromBedrock(ex, options),
        InvalidDataException ex => new ResponderException("the answer stream from Bedrock Knowledge Bases was cut off or corrupted.", true, ex),
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException or IOException =>
            new ResponderException("Bedrock Knowledge Bases could not be reached or did not answer in time.", true, exception),
        _ => null,
    };

    private static ResponderException FromBedrock(AwsServiceException ex, BedrockKnowledgeOptions options)
    {
        var type = ex.ErrorType ?? "no error type";
        var message = ex.AwsMessage ?? string.Empty;
        return ex.ErrorType switch
        {
            "ThrottlingException" or "ServiceQuotaExceededException" => Retry(
                "Bedrock is throttling knowledge-base requests (the account's quota is used up for now). If this keeps " +
                "happening, an administrator can ask for a higher Bedrock quota.", ex),
            "AccessDeniedException" => Fail(
                "the bot's AWS role may not query the knowledge base. An administrator must allow bedrock:RetrieveAndGenerate " +
                "and bedrock:Retrieve on the knowledge base in KNOWLEDGE_BASE_ID, and bedrock:InvokeModel on the model in " +
                "KNOWLEDGE_MODEL_ARN.", ex),
            "ResourceNotFoundException" when Mentions(message, "model") => Fail(ModelProblem(options), ex),
            "ResourceNotFoundException" => Fail(
                $"the knowledge base in KNOWLEDGE_BASE_ID was not found in {options.Region}. An administrator should check " +
                "KNOWLEDGE_BASE_ID and BEDROCK_REGION.", ex),
            "ValidationException" when Mentions(message, "guardrail") => Fail(
                "Bedrock rejected the guardrail. An administrator should check KNOWLEDGE_GUARDRAIL_ID and KNOWLEDGE_GUARDRAIL_VERSION.", ex),
            "ValidationException" when Mentions(message, "model") => Fail(ModelProblem(options), ex),
            "ValidationException" when Mentions(message, "prompt") => Fail(
                "Bedrock rejected the prompt template. An administrator should check KNOWLEDGE_PROMPT_TEMPLATE.", ex),
            "ValidationException" => Fail(
                "Bedrock rejected the knowledge-base request as invalid. An administrator should check the KNOWLEDGE_* settings.", ex),
            _ when ex.StatusCode == HttpStatusCode.Forbidden => Fail(
                $"AWS did not accept the bot's credentials ({type}). An administrator should check the function's IAM role or AWS keys.", ex),
            _ when ex.IsRetryable || ex.StatusCode is HttpStatusCode.Conflict or HttpStatusCode.FailedDependency => Retry(
                $"Bedrock Knowledge Bases had a temporary failure ({type}).", ex),
            _ => Fail($"Bedrock Knowledge Bases refused the request ({(int)ex.StatusCode} {type}).", ex),
        };
    }

    private static string ModelProblem(BedrockKnowledgeOptions options) =>
        $"Bedrock rejected the model in KNOWLEDGE_MODEL_ARN. An administrator should check that it is a model or inference " +
        $"profile available in {options.Region} and that model access is enabled for the account.";

    private static bool Mentions(string message, string word) => message.Contains(word, StringComparison.OrdinalIgnoreCase);

    private static ResponderException Retry(string message, Exception inner) => new(message, true, inner);

    private static ResponderException Fail(string message, Exception inner) => new(message, false, inner);
}
