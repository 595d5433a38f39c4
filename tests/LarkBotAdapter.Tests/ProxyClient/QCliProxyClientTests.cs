using ChatOps.Contracts;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Tests.Ops;
using ChatOps.TestKit;
using ChatOps.TestKit.QCli;

namespace ChatOps.LarkBotAdapter.Tests.ProxyClient;

/// <summary>The proxy client over real HTTP against the loopback fake proxy.</summary>
public sealed partial class QCliProxyClientTests : IAsyncLifetime
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);
    private FakeQCliProxy _proxy = null!;
    private QCliProxyOptions _options = null!;

    public async Task InitializeAsync()
    {
        _proxy = await FakeQCliProxy.StartAsync();
        _options = OpsTesting.Options(OpsTesting.Settings(_proxy.BaseAddress));
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    private static async Task<List<QCliStreamLine>> ReadAllAsync(QCliProxyClient client, QCliChatRequest? request = null, List<QCliStreamLine>? into = null)
    {
        var lines = into ?? [];
        await foreach (var line in client.ChatAsync(request ?? OpsTesting.Chat(), CancellationToken.None))
        {
            lines.Add(line);
        }
        return lines;
    }

    [Fact]
    public async Task RequestIsSignedAndCarriesTheContractBody()
    {
        await ReadAllAsync(OpsTesting.Client(_options), OpsTesting.Chat("is prod up?"));

        var request = Assert.Single(_proxy.Requests);
        Assert.True(request.Accepted, request.Problem);
        Assert.Equal("/v1/chat", request.Path);
        Assert.StartsWith("application/json", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Contains("application/x-ndjson", request.Header("Accept"), StringComparison.Ordinal);
        Assert.Equal(["conversationId", "prompt", "user", "channel", "awsProfile"], request.Json.Select(p => p.Key));
        Assert.Null(request.Json["awsProfile"]);
        Assert.True(request.Json.ContainsKey("awsProfile"));
        Assert.Equal("is prod up?", request.Prompt);
        Assert.Matches("^v2=[0-9a-f]{64}$", request.Header("X-ChatOps-Signature"));
    }

    [Fact]
    public async Task ChunksArriveOneByOneBeforeTheStreamEnds()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _proxy.Enqueue(FakeQCliReply.Chunks("first line\n").WaitFor(gate.Task).Chunk("second line\n").Chunk("third line\n").Done());
        var client = OpsTesting.Client(_options);

        await using var lines = client.ChatAsync(OpsTesting.Chat(), CancellationToken.None).GetAsyncEnumerator();
        // The proxy is still holding the rest back: the first chunk can only arrive if the client reads as bytes come.
        Assert.True(await lines.MoveNextAsync().AsTask().WaitAsync(Guard));
        Assert.Equal("first line\n", lines.Current.Text);
        gate.SetResult();
        var rest = new List<QCliStreamLine>();
        while (await lines.MoveNextAsync())
        {
            rest.Add(lines.Current);
        }

        Assert.Equal(["second line\n", "third line\n"], rest.Where(l => l.Type == "chunk").Select(l => l.Text));
        Assert.Equal(new QCliStreamLine("done", ExitCode: 0), rest[^1]);
    }

    [Fact]
    public async Task ErrorLineEndsTheStreamAndIsYielded()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks("partial\n").Error("timeout", "the CLI ran for 300 s"));

        var lines = await ReadAllAsync(OpsTesting.Client(_options));

        Assert.Equal(2, lines.Count);
        Assert.Equal(("error", "timeout", "the CLI ran for 300 s"), (lines[1].Type, lines[1].Code, lines[1].Message));
    }

    [Fact]
    public async Task UnknownLineTypesAndBlankLinesAreSkipped()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks("a").Raw("""{"type":"progress","percent":50}""").Raw("").Raw("\r").Chunk("b").Done());

        var lines = await ReadAllAsync(OpsTesting.Client(_options));

        Assert.Equal(["chunk", "chunk", "done"], lines.Select(l => l.Type));
    }

    [Fact]
    public async Task CancellingMidStreamClosesTheConnection()
    {
        _proxy.Enqueue(FakeQCliReply.Chunks("working on it\n").Hang());
        using var deadline = new CancellationTokenSource();
        var client = OpsTesting.Client(_options);

        await using var lines = client.ChatAsync(OpsTesting.Chat(), deadline.Token).GetAsyncEnumerator();
        Assert.True(await lines.MoveNextAsync().AsTask().WaitAsync(Guard));
        var next = lines.MoveNextAsync().AsTask();
        await deadline.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => next.WaitAsync(Guard));
        await lines.DisposeAsync();
        for (var i = 0; i < 400 && _proxy.Disconnects == 0; i++)
        {
            await Task.Delay(25);
        }
        Assert.Equal(1, _proxy.Disconnects);
    }
}
