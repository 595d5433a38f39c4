using System.Net;
using System.Text;
using ChatOps.LarkBotAdapter.Knowledge.Bedrock;
using ChatOps.TestKit.Bedrock;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

/// <summary>The fake's own checks, seen by a plain (unsigned or hand-signed-looking) HTTP client.</summary>
public sealed class FakeBedrockAgentRuntimeTests : IAsyncLifetime
{
    private const string Body = """{"input":{"text":"q"},"retrieveAndGenerateConfiguration":{"type":"KNOWLEDGE_BASE","knowledgeBaseConfiguration":{"knowledgeBaseId":"TESTKB0001","modelArn":"m"}}}""";
    private FakeBedrockAgentRuntime _fake = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeBedrockAgentRuntime.StartAsync();
        _http = new HttpClient { BaseAddress = _fake.BaseAddress };
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task UnsignedRequestIsRejectedAsAnUnrecognizedClient()
    {
        using var response = await _http.PostAsync(new Uri("retrieveAndGenerateStream", UriKind.Relative), new StringContent(Body, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.StartsWith("UnrecognizedClientException", string.Join(",", response.Headers.GetValues("x-amzn-ErrorType")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StreamIsAnEventStreamWithTheSessionHeader()
    {
        using var response = await _http.SendAsync(Signed("retrieveAndGenerateStream", Body), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("application/vnd.amazon.eventstream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Assert.Single(_fake.Sessions), Assert.Single(response.Headers.GetValues(BedrockAgentRuntimeClient.SessionHeader)));
        var reader = new AwsEventStreamReader(await response.Content.ReadAsStreamAsync());
        var count = 0;
        while (await reader.ReadAsync(CancellationToken.None) is not null)
        {
            count++;
        }
        Assert.Equal(FakeKnowledgeAnswer.Default.Frames().Count(), count);
    }

    [Fact]
    public async Task QuestionOver1000CharactersIsAValidationError()
    {
        var body = Body.Replace("\"q\"", "\"" + new string('q', 1001) + "\"", StringComparison.Ordinal);
        using var response = await _http.SendAsync(Signed("retrieveAndGenerate", body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1000", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    // The fake checks only that SigV4 headers are present; the real signer is exercised by the responder tests.
    private static HttpRequestMessage Signed(string operation, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(operation, UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=test-access-key-id/20240101/us-east-1/bedrock/aws4_request, SignedHeaders=host, Signature=00");
        request.Headers.TryAddWithoutValidation("X-Amz-Date", "20240101T000000Z");
        return request;
    }
}
