using System.Net;
using Amazon.Runtime;
using ChatOps.Aws;
using ChatOps.IntentRecognition;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Local;

// One line per problem: what failed, then what to check. Never a stack trace (that is --verbose's job).
public static class ProblemText
{
    public static string Describe(Exception exception) => exception switch
    {
        AwsServiceException aws when aws.StatusCode != 0 =>
            $"AWS answered {(int)aws.StatusCode} {aws.ErrorType ?? "(no error type)"}{Said(aws.AwsMessage)} — {Check(aws.StatusCode, aws.ErrorType)}",
        OptionsValidationException options => $"configuration: {string.Join("; ", options.Failures)}",
        AmazonClientException when IsConfiguration(exception) =>
            "no AWS credentials found — set AWS_PROFILE (after `aws sso login`) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
        IntentClassificationException unusable => $"the model's answer was not usable ({unusable.Message}) — check that the model supports tool use (Converse toolChoice)",
        HttpRequestException { StatusCode: null } =>
            $"could not reach the service ({exception.Message}) — check the endpoint (AWS_ENDPOINT_URL_*, BEDROCK_REGION) and the network",
        TimeoutException or TaskCanceledException => "a call timed out — check the network, or retry",
        _ => $"{exception.GetType().Name}: {FirstLine(exception.Message)}",
    };

    // Problems a setting fixes: the command ends with ExitCodes.Configuration.
    public static bool IsConfiguration(Exception exception) => exception is OptionsValidationException
        || (exception is AmazonClientException && exception.Message.StartsWith("Failed to resolve AWS credentials", StringComparison.Ordinal));

    // Bedrock Converse (the intent classifier) failed with an AWS error.
    public static string BedrockFailed(int status, string? errorType) =>
        $"Bedrock Converse failed: {status} {errorType ?? "(no error type)"} — {Check((HttpStatusCode)status, errorType)}";

    // What to check for an AWS error, from its status and type.
    public static string Check(HttpStatusCode status, string? errorType) => (status, errorType) switch
    {
        (_, "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException" or "IncompleteSignature") =>
            "check the AWS credentials (AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, not expired)",
        (HttpStatusCode.Forbidden, _) =>
            "check the model access (Bedrock console, Model access) and the role's permissions in BEDROCK_REGION",
        (HttpStatusCode.NotFound, _) or (_, "ResourceNotFoundException") =>
            "check the model id (RECOGNITION_MODEL_ID or --model) and BEDROCK_REGION",
        (HttpStatusCode.BadRequest, _) =>
            "check the model id (RECOGNITION_MODEL_ID or --model; some models need an inference profile such as us.…) and BEDROCK_REGION",
        (HttpStatusCode.TooManyRequests, _) => "throttled: retry later, or ask for a higher Bedrock quota",
        _ when (int)status >= 500 => "the service is failing: retry later",
        _ => "check BEDROCK_REGION and the credentials",
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd();

    private static string Said(string? message) => string.IsNullOrWhiteSpace(message) ? string.Empty : $" ({message.Trim()})";
}
