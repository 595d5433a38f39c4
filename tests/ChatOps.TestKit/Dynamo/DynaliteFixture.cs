using Xunit;

namespace ChatOps.TestKit.Dynamo;

/// <summary>One dynalite server per test run, for an xunit collection (declare
/// <c>[CollectionDefinition(DynaliteFixture.Collection)] class X : ICollectionFixture&lt;DynaliteFixture&gt;</c>
/// in the test assembly). Each test creates its own table, so tests stay independent.</summary>
public sealed class DynaliteFixture : IAsyncLifetime
{
    /// <summary>Name of the collection that shares the server.</summary>
    public const string Collection = "dynalite";

    private DynaliteServer? _server;

    /// <summary>The running server; only call from a <see cref="DynaliteFactAttribute"/> test.</summary>
    public DynaliteServer Server => _server ?? throw new InvalidOperationException(
        DynaliteRequirements.SkipMessagePrefix + (DynaliteRequirements.Missing ?? "the server did not start"));

    /// <summary>Creates a fresh pk/sk table with a unique name and returns the name.</summary>
    public async Task<string> CreateTableAsync(string prefix = "state")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}";
        await Server.CreateTableAsync(name);
        return name;
    }

    public async Task InitializeAsync()
    {
        // Skipped tests must not fail the run, so nothing starts when the prerequisites are missing.
        if (DynaliteRequirements.Missing is null)
        {
            _server = await DynaliteServer.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
