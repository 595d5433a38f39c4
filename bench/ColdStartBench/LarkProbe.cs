using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ChatOps.ColdStartBench;

/// <summary>Stopwatch timestamps of requests reaching the fake Lark in this process, taken from ASP.NET Core's hosting
/// diagnostics on the server's thread as each request starts, so nothing polls for them.</summary>
internal sealed class LarkProbe : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    // Hosting raises the start event only when the activity itself is enabled too.
    private const string Activity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";

    private readonly ConcurrentDictionary<string, TaskCompletionSource<long>> _waiting = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<IDisposable> _subscriptions = [];
    private readonly IDisposable _listeners;

    public LarkProbe() => _listeners = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>Completes with the time the next request whose path contains <paramref name="fragment"/> started.</summary>
    public Task<long> Next(string fragment)
    {
        var source = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[fragment] = source;
        return source.Task;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.AspNetCore")
        {
            _subscriptions.Add(value.Subscribe(this, name => name.StartsWith(Activity, StringComparison.Ordinal)));
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        var now = Stopwatch.GetTimestamp();
        if (value.Key != Activity + ".Start" || value.Value is not HttpContext context || _waiting.IsEmpty)
        {
            return;
        }
        var path = context.Request.Path.Value ?? "";
        foreach (var fragment in _waiting.Keys.Where(f => path.Contains(f, StringComparison.Ordinal)))
        {
            if (_waiting.TryRemove(fragment, out var source))
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
        _listeners.Dispose();
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }
}
