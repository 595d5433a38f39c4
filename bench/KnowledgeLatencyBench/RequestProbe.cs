using System.Collections.Concurrent;
using System.Diagnostics;

namespace ChatOps.Bench;

/// <summary>Timestamps (<see cref="Stopwatch"/> ticks) the moment any Kestrel host in this process starts handling a
/// request whose path contains an expected fragment: ASP.NET Core's hosting diagnostics event fires on the server's
/// own thread before the endpoint runs, so nothing polls and nothing spins.</summary>
internal sealed class RequestProbe : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private const string StartEvent = "Microsoft.AspNetCore.Hosting.HttpRequestIn.Start";
    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> expected = new(StringComparer.Ordinal);
    private readonly List<IDisposable> subscriptions = [];
    private readonly IDisposable all;

    public RequestProbe() => all = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Completes with the timestamp of the first request started after this call whose path contains
    /// <paramref name="pathFragment"/>.</summary>
    public Task<long> Expect(string pathFragment)
    {
        var source = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        expected[pathFragment] = source;
        return source.Task;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.AspNetCore")
        {
            lock (subscriptions)
            {
                subscriptions.Add(value.Subscribe(this, name => name.StartsWith("Microsoft.AspNetCore.Hosting.HttpRequestIn", StringComparison.Ordinal)));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key != StartEvent || value.Value is not HttpContext context || expected.IsEmpty)
        {
            return;
        }
        var now = Stopwatch.GetTimestamp();
        var path = context.Request.Path.Value ?? string.Empty;
        foreach (var (fragment, source) in expected)
        {
            if (path.Contains(fragment, StringComparison.Ordinal) && expected.TryRemove(fragment, out _))
            {
                source.TrySetResult(now);
            }
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        all.Dispose();
        lock (subscriptions)
        {
            subscriptions.ForEach(s => s.Dispose());
        }
    }
}
