using System.Net;

namespace ChatOps.Aws;

/// <summary>An AWS service answered with an error. Carries what AWS said (status, error type, message, request id),
/// never what was sent.</summary>
public sealed class AwsServiceException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public AwsServiceException()
        : this("AWS request failed.")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public AwsServiceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> and its cause.</summary>
    public AwsServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception from an AWS error.</summary>
    /// <param name="statusCode">The HTTP status of the answer (500 for an error inside a stream).</param>
    /// <param name="errorType">The AWS error type, e.g. <c>ThrottlingException</c>, in any of the spellings AWS uses
    /// (<c>Type:url</c>, <c>namespace#Type</c>); kept without namespace or URL.</param>
    /// <param name="awsMessage">The error's message, when present.</param>
    /// <param name="requestId">The request id AWS gave the call, when present.</param>
    public AwsServiceException(HttpStatusCode statusCode, string? errorType, string? awsMessage, string? requestId = null)
        : base(Describe(statusCode, ShortErrorType(errorType), awsMessage))
    {
        StatusCode = statusCode;
        ErrorType = ShortErrorType(errorType);
        AwsMessage = awsMessage;
        RequestId = requestId;
    }

    /// <summary>The HTTP status of the answer (0 when not from an answer).</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The AWS error type (from <c>x-amzn-ErrorType</c>, the body's <c>__type</c> or <c>code</c>), without namespace or URL.</summary>
    public string? ErrorType { get; }

    /// <summary>The error's message (<c>message</c> or <c>Message</c> of the body).</summary>
    public string? AwsMessage { get; }

    /// <summary>The request id (<c>x-amzn-RequestId</c>), for AWS support.</summary>
    public string? RequestId { get; }

    /// <summary>True for errors worth retrying later: throttling and server-side failures.</summary>
    public bool IsRetryable =>
        StatusCode == HttpStatusCode.TooManyRequests
        || (int)StatusCode >= 500
        || ErrorType is "ThrottlingException" or "ThrottledException" or "TooManyRequestsException" or "RequestLimitExceeded";

    /// <summary>Reads an AWS error answer (JSON or REST-JSON protocol) into an exception: type from the
    /// <c>x-amzn-ErrorType</c> header, else the body's <c>__type</c>, else its <c>code</c>; a body that is not JSON still
    /// yields the status and the header's type.</summary>
    /// <param name="response">A non-success answer of an AWS endpoint.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    public static async Task<AwsServiceException> FromResponseAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await AwsErrorBody.ReadAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var headerType = Header(response, "x-amzn-ErrorType");
        var requestId = Header(response, "x-amzn-RequestId") ?? Header(response, "x-amz-request-id");
        return new AwsServiceException(response.StatusCode, headerType ?? body?.Type ?? body?.Code, body?.Message, requestId);
    }

    // "ThrottlingException:http://internal..." and "com.amazon.coral#ThrottlingException" both mean ThrottlingException.
    internal static string? ShortErrorType(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var type = raw.Split(':')[0];
        var hash = type.LastIndexOf('#');
        var shortType = (hash >= 0 ? type[(hash + 1)..] : type).Trim();
        return shortType.Length == 0 ? null : shortType;
    }

    private static string Describe(HttpStatusCode status, string? type, string? message) =>
        $"AWS answered {(int)status} {type ?? "(no error type)"}: {message ?? "(no message)"}";

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { Length: > 0 } value ? value : null;
}
