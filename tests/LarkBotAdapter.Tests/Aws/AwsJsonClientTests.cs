using System.Net;
using System.Text;
using System.Text.Json.Serialization;
using ChatOps.Aws;

namespace ChatOps.LarkBotAdapter.Tests.Aws;

public sealed class AwsJsonClientTests
{
    private sealed class Recorder(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = await request.Content!.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        }
    }

    private static HttpClient Client(Recorder recorder) => new(recorder) { BaseAddress = new Uri("http://127.0.0.1:1/") };

    [Fact]
    public async Task Json11CallCarriesItsTargetAndMediaTypeAndReadsTheAnswer()
    {
        var recorder = new Recorder(HttpStatusCode.OK, """{"name":"answer"}""");
        using var http = Client(recorder);

        var answer = await http.PostAwsJsonAsync("/", new Doc("question"), TestJson.Default.Doc, TestJson.Default.Doc, CancellationToken.None, "service.Operation");

        Assert.Equal("answer", answer.Name);
        Assert.Equal("service.Operation", Assert.Single(recorder.Request!.Headers.GetValues("X-Amz-Target")));
        Assert.Equal(AwsJsonClient.Json11, recorder.Request.Content!.Headers.ContentType!.MediaType);
        Assert.Equal("""{"name":"question"}""", recorder.Body);
    }

    [Fact]
    public async Task ErrorAnswerThrowsTheServiceException()
    {
        using var http = Client(new Recorder(HttpStatusCode.Forbidden, """{"__type":"AccessDeniedException","message":"not allowed"}"""));

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => http.PostAwsJsonAsync("op", new Doc("q"), TestJson.Default.Doc, TestJson.Default.Doc, CancellationToken.None));

        Assert.Equal((HttpStatusCode.Forbidden, "AccessDeniedException"), (error.StatusCode, error.ErrorType));
    }

    [Fact]
    public async Task SuccessThatIsNotTheExpectedStatusIsAnError()
    {
        using var http = Client(new Recorder(HttpStatusCode.OK, "{}"));
        using var request = AwsJsonClient.JsonPost("invocations", new Doc("job"), TestJson.Default.Doc);

        var error = await Assert.ThrowsAsync<AwsServiceException>(
            () => http.SendAwsAsync(request, HttpCompletionOption.ResponseContentRead, CancellationToken.None, HttpStatusCode.Accepted));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
    }

    [Fact]
    public async Task AnswerThatIsNotJsonIsInvalidData()
    {
        using var http = Client(new Recorder(HttpStatusCode.OK, "not json"));

        await Assert.ThrowsAsync<InvalidDataException>(
            () => http.PostAwsJsonAsync("op", new Doc("q"), TestJson.Default.Doc, TestJson.Default.Doc, CancellationToken.None));
    }
}

public sealed record Doc(string Name);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(Doc))]
internal sealed partial class TestJson : JsonSerializerContext;
