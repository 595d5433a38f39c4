using System.Net;
using System.Text;
using ChatOps.Aws;

namespace ChatOps.LarkBotAdapter.Tests.Aws;

/// <summary>Each way AWS spells an error becomes the same exception: status, short error type, message, request id.</summary>
public sealed class AwsServiceExceptionTests
{
    private static HttpResponseMessage Answer(int status, string body, string mediaType = "application/json", params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
        foreach (var (name, value) in headers)
        {
            response.Headers.TryAddWithoutValidation(name, value);
        }
        return response;
    }

    private static Task<AwsServiceException> Read(HttpResponseMessage response) =>
        AwsServiceException.FromResponseAsync(response, CancellationToken.None);

    [Fact]
    public async Task RestJsonErrorTakesItsTypeFromTheHeaderWithoutTheUrl()
    {
        using var response = Answer(429, """{"message":"Too many requests, please wait before trying again."}""",
            headers: [("x-amzn-ErrorType", "ThrottlingException:http://internal.amazon.com/coral/com.amazon.bedrock/"), ("x-amzn-RequestId", "req-1")]);

        var error = await Read(response);

        Assert.Equal((HttpStatusCode.TooManyRequests, "ThrottlingException", "Too many requests, please wait before trying again.", "req-1"),
            (error.StatusCode, error.ErrorType, error.AwsMessage, error.RequestId));
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task Json11ErrorTakesItsTypeFromTheBodyWithoutTheNamespace()
    {
        using var response = Answer(400, """{"__type":"com.amazonaws.secretsmanager#ResourceNotFoundException","Message":"Secrets Manager can't find the specified secret."}""",
            "application/x-amz-json-1.1");

        var error = await Read(response);

        Assert.Equal((HttpStatusCode.BadRequest, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."),
            (error.StatusCode, error.ErrorType, error.AwsMessage));
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task ErrorWithACodeFieldTakesItsTypeFromTheCode()
    {
        using var response = Answer(400, """{"code":"ValidationException","message":"The guardrail version is invalid."}""");

        var error = await Read(response);

        Assert.Equal(("ValidationException", "The guardrail version is invalid."), (error.ErrorType, error.AwsMessage));
    }

    [Fact]
    public async Task LambdaErrorKeepsTheHeaderTypeAndIgnoresTheBodysFaultSide()
    {
        using var response = Answer(404, """{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:123456789012:function:bot"}""",
            headers: [("x-amzn-ErrorType", "ResourceNotFoundException"), ("x-amzn-RequestId", "req-2")]);

        var error = await Read(response);

        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFoundException", "req-2"), (error.StatusCode, error.ErrorType, error.RequestId));
        Assert.StartsWith("Function not found", error.AwsMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorPageThatIsNotJsonStillGivesTheStatus()
    {
        using var response = Answer(502, "<html><body>Bad Gateway</body></html>", "text/html");

        var error = await Read(response);

        Assert.Equal((HttpStatusCode.BadGateway, null, null), (error.StatusCode, error.ErrorType, error.AwsMessage));
        Assert.True(error.IsRetryable);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrottlingIsRetryableWhateverTheStatus()
    {
        var error = new AwsServiceException(HttpStatusCode.BadRequest, "com.amazonaws#ThrottlingException", "Rate exceeded");

        Assert.Equal("ThrottlingException", error.ErrorType);
        Assert.True(error.IsRetryable);
    }
}
