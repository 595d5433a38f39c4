using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.State;
using ChatOps.TestKit.Dynamo;

namespace ChatOps.Bench;

/// <summary>Where the app keeps claims and thread context: in memory, or a table in dynalite (a DynamoDB-compatible
/// server, its own node process) reached through the real DynamoDB client.</summary>
internal sealed class StateBackend(DynaliteServer? dynalite, IDictionary<string, string?> settings) : IAsyncDisposable
{
    public IDictionary<string, string?> Settings => settings;

    /// <summary>dynalite's port, to pick the app's state-store calls out of its HTTP metrics (-1 in memory).</summary>
    public int Port => dynalite?.Endpoint.Port ?? -1;

    public string Description => dynalite is null ? "in memory" : $"DynamoDB table in dynalite at {dynalite.Endpoint}";

    public static async Task<StateBackend> StartAsync(BenchOptions options)
    {
        if (!options.Dynalite)
        {
            return new StateBackend(null, new Dictionary<string, string?>());
        }
        var dynalite = await DynaliteServer.StartAsync();
        const string table = "chatops-load-bench";
        await dynalite.CreateTableAsync(table);
        return new StateBackend(dynalite, new Dictionary<string, string?>
        {
            [StateServiceCollectionExtensions.TableKey] = table,
            [AwsSettings.EndpointKeyOf(StateServiceCollectionExtensions.DynamoDbService)] = dynalite.Endpoint.ToString(),
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (dynalite is not null)
        {
            await dynalite.DisposeAsync();
        }
    }
}
