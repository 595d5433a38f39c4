using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace ChatOps.LarkBotAdapter.State;

// Thread contexts (thread#key/context) carry a version attribute: a conditional save puts the item only while the
// stored version is the one the turn read, so two turns of one thread never overwrite each other's exchange.
public sealed partial class DynamoDbStateStore
{
    private const string SavedBy = "savedBy";

    public Task SaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest { TableName = TableName, Item = ThreadItem(thread, ttl) };
        return CallAsync("save thread", () => client.PutItemAsync(request, cancellationToken), cancellationToken);
    }

    public async Task<bool> TrySaveThreadAsync(ThreadContext thread, TimeSpan ttl, CancellationToken cancellationToken)
    {
        var item = ThreadItem(thread, ttl);
        var saveId = Guid.NewGuid().ToString("N");
        item[SavedBy] = new AttributeValue { S = saveId };
        var request = new PutItemRequest
        {
            TableName = TableName,
            Item = item,
            // Version 0 is "nothing live stored": no item, one saved before versions existed, or one whose TTL passed
            // but that is still in the table (TTL deletion is lazy).
            ConditionExpression = thread.Version == 0
                ? "attribute_not_exists(#version) OR expiresAt < :now"
                : "#version = :version AND expiresAt >= :now",
            ExpressionAttributeNames = new() { ["#version"] = ThreadItemCodec.VersionAttribute },
            ExpressionAttributeValues = thread.Version == 0
                ? new() { [":now"] = Number(FloorSeconds(timeProvider.GetUtcNow())) }
                : new() { [":version"] = Number(thread.Version), [":now"] = Number(FloorSeconds(timeProvider.GetUtcNow())) },
        };
        if (await IgnoreLostConditionAsync("save thread", () => client.PutItemAsync(request, cancellationToken), cancellationToken))
        {
            return true;
        }
        // The SDK retries a put whose response was lost; the retry then fails on our own item, which is a success.
        var stored = await GetLiveItemAsync("thread#" + thread.ThreadKey, "context", "thread save check", cancellationToken);
        return stored is not null && stored.TryGetValue(SavedBy, out var by) && by.S == saveId;
    }

    // The item for thread, one version past the one it was read with.
    private Dictionary<string, AttributeValue> ThreadItem(ThreadContext thread, TimeSpan ttl)
    {
        ArgumentNullException.ThrowIfNull(thread);
        ArgumentException.ThrowIfNullOrEmpty(thread.ThreadKey);
        var item = NewItem("thread#" + thread.ThreadKey, "context", timeProvider.GetUtcNow() + ttl);
        item[ThreadItemCodec.VersionAttribute] = new AttributeValue { N = (thread.Version + 1).ToString(CultureInfo.InvariantCulture) };
        var dropped = ThreadItemCodec.Write(thread, item, ThreadItemCodec.DefaultMaxItemBytes);
        if (dropped > 0)
        {
            Log.ThreadTurnsTrimmed(_logger, dropped);
        }
        return item;
    }
}
