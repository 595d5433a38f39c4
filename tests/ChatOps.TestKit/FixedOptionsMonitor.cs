using Microsoft.Extensions.Options;

namespace ChatOps.TestKit;

/// <summary>An options monitor whose value never changes, for constructing a client outside the container.</summary>
public sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
