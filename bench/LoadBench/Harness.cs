namespace ChatOps.Bench;

/// <summary>Everything one run needs, started in order (state, fakes, app) and stopped in reverse.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private Harness(BenchOptions options, Ledger ledger, StateBackend state, BenchFakes fakes, LiveApp app)
    {
        Options = options;
        Ledger = ledger;
        State = state;
        Fakes = fakes;
        App = app;
        Events = new EventFactory(options);
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
        {
            BaseAddress = app.BaseAddress,
        };
    }

    public BenchOptions Options { get; }
    public Ledger Ledger { get; }
    public StateBackend State { get; }
    public BenchFakes Fakes { get; }
    public LiveApp App { get; }
    public EventFactory Events { get; }
    public HttpClient Http { get; }

    public static async Task<Harness> StartAsync(BenchOptions options, int messages)
    {
        var ledger = new Ledger(messages);
        var state = await StateBackend.StartAsync(options);
        var fakes = await BenchFakes.StartAsync(options, ledger);
        var app = await BenchApp.StartAsync(options, fakes, state.Settings);
        return new Harness(options, ledger, state, fakes, app);
    }

    public HttpRequestMessage Build(Send send) => EventFactory.Request(Events.Json(send.Message));

    /// <summary>Sends the schedule open-loop, then waits until every ack is in (not the answers).</summary>
    public Task RunAsync(Send[] sends, AckLog acks, bool prebuild) => new OpenLoop(Http, Ledger, acks).RunAsync(sends, Build, prebuild);

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.DisposeAsync();
        await Fakes.DisposeAsync();
        await State.DisposeAsync();
    }
}
