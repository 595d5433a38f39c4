namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>Counts attempts and keeps their signing headers; can fail the first ones as a refused connection would.</summary>
internal sealed class CountingHandler(int failFirst = 0, Action? onFailure = null) : DelegatingHandler(new SocketsHttpHandler())
{
    private int _attempts;

    public int Attempts => _attempts;

    public List<(string Timestamp, string Signature)> Signed { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = Interlocked.Increment(ref _attempts);
        lock (Signed)
        {
            Signed.Add((request.Headers.GetValues("X-ChatOps-Timestamp").Single(), request.Headers.GetValues("X-ChatOps-Signature").Single()));
        }
        if (attempt <= failFirst)
        {
            onFailure?.Invoke();
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (simulated)");
        }
        return base.SendAsync(request, cancellationToken);
    }
}
