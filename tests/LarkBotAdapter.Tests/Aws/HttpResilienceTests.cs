using System.Net;
using ChatOps.LarkBotAdapter.Aws;

namespace ChatOps.LarkBotAdapter.Tests.Aws;

/// <summary>The pipeline built without the container (the start-up secret read uses it) retries like the registered one.</summary>
public sealed class HttpResilienceTests
{
    private sealed class Scripted(params HttpStatusCode[] statuses) : HttpMessageHandler
    {
        public int Attempts { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var status = statuses[Math.Min(Attempts, statuses.Length - 1)];
            Attempts++;
            return Task.FromResult(new HttpResponseMessage(status));
        }
    }

    private static readonly ResilienceSettings Quick = new() { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) };

    private static HttpClient Client(Scripted inner)
    {
        var handler = HttpResilience.CreateHandler(Quick, TimeProvider.System);
        handler.InnerHandler = inner;
        return new HttpClient(handler) { BaseAddress = new Uri("http://127.0.0.1:1/") };
    }

    [Fact]
    public async Task ServerErrorsAreRetriedUpToTheConfiguredCount()
    {
        var inner = new Scripted(HttpStatusCode.ServiceUnavailable);
        using var http = Client(inner);

        using var response = await http.GetAsync("x");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, 3), (response.StatusCode, inner.Attempts));
    }

    [Fact]
    public async Task ThrottlingThenSuccessReturnsTheSuccess()
    {
        var inner = new Scripted(HttpStatusCode.TooManyRequests, HttpStatusCode.OK);
        using var http = Client(inner);

        using var response = await http.GetAsync("x");

        Assert.Equal((HttpStatusCode.OK, 2), (response.StatusCode, inner.Attempts));
    }

    [Fact]
    public async Task ClientErrorsAreNotRetried()
    {
        var inner = new Scripted(HttpStatusCode.BadRequest);
        using var http = Client(inner);

        using var response = await http.GetAsync("x");

        Assert.Equal(1, inner.Attempts);
    }
}
