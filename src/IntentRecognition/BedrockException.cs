using System.Net;
using System.Text.Json;
using ChatOps.IntentRecognition.Bedrock;

namespace ChatOps.IntentRecognition;

/// <summary>Bedrock answered with a non-success status. Carries what AWS said, never what we sent.</summary>
public sealed class BedrockException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public BedrockException()
        : this("Bedrock request failed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public BedrockException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public BedrockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an AWS error answer.</summary>
    /// <param name="statusCode">The HTTP status of the answer.</param>
    /// <param name="errorType">The AWS error type, e.g. <c>ThrottlingException</c>, when known.</param>
    /// <param name="awsMessage">The <c>message</c> of the error body, when present.</param>
    public BedrockException(HttpStatusCode statusCode, string? errorType, string? awsMessage)
        : base($"Bedrock answered {(int)statusCode} {errorType ?? "(no error type)"}: {awsMessage ?? "(no message)"}")
    {
        StatusCode = statusCode;
        ErrorType = errorType;
        AwsMessage = awsMessage;
    }

    /// <summary>The HTTP status of the answer (0 when not from an answer).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The AWS error type (from <c>x-amzn-ErrorType</c> or the body's <c>__type</c>), without namespace or URL.</summary>
    public string? ErrorType { get; }

    /// <summary>The error body's <c>message</c>.</summary>
    public string? AwsMessage { get; }

    /// <summary>True for answers worth retrying later: throttling and server-side failures.</summary>
    public bool IsTransient => StatusCode == HttpStatusCode.TooManyRequests || (int)StatusCode >= 500;

    /// <summary>Reads an AWS error answer (JSON protocol) into an exception; the request is not included.</summary>
    /// <param name="response">A non-success answer from a Bedrock endpoint.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    public static async Task<BedrockException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        AwsErrorBody? body = null;
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (text.TrimStart().StartsWith('{'))
            {
                body = JsonSerializer.Deserialize(text, ConverseJsonContext.Default.AwsErrorBody);
            }
        }
        catch (JsonException)
        {
            // A non-JSON error page still yields status and header type.
        }

        var headerType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        return new BedrockException(response.StatusCode, ShortErrorType(headerType ?? body?.Type), body?.Message);
    }

    // "ThrottlingException:http://internal..." and "com.amazon.coral#ThrottlingException" both mean ThrottlingException.
    private static string? ShortErrorType(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var type = raw.Split(':')[0];
        var hash = type.LastIndexOf('#');
        return (hash >= 0 ? type[(hash + 1)..] : type).Trim();
    }
}
