using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace ChatOps.LarkBotAdapter.State;

// Alarm episodes (episode#<key>/episode): the episode as JSON and a version attribute; a save is a put conditional on
// the version read, like thread contexts.
public sealed partial class DynamoDbStateStore : IAlarmEpisodeStore
{
    private const string EpisodeAttribute = "episode";
    private const string EpisodeVersion = "version";

    public async Task<AlarmEpisode?> GetEpisodeAsync(string key, CancellationToken cancellationToken)
    {
        var item = await GetLiveItemAsync("episode#" + key, "episode", "get alarm episode", cancellationToken);
        if (item is null || !item.TryGetValue(EpisodeAttribute, out var json) || json.S is null)
        {
            return null;
        }
        var episode = JsonSerializer.Deserialize(json.S, StateJsonContext.Compact.AlarmEpisode);
        return episode is null ? null : episode with { Version = long.Parse(item[EpisodeVersion].N, CultureInfo.InvariantCulture) };
    }

    public async Task<bool> TrySaveEpisodeAsync(AlarmEpisode episode, TimeSpan ttl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(episode);
        var saveId = Guid.NewGuid().ToString("N");
        var item = NewItem("episode#" + episode.Key, "episode", timeProvider.GetUtcNow() + ttl);
        item[EpisodeAttribute] = new AttributeValue { S = JsonSerializer.Serialize(episode with { Version = 0 }, StateJsonContext.Compact.AlarmEpisode) };
        item[EpisodeVersion] = Number(episode.Version + 1);
        item[SavedBy] = new AttributeValue { S = saveId };
        var now = Number(FloorSeconds(timeProvider.GetUtcNow()));
        var request = new PutItemRequest
        {
            TableName = TableName,
            Item = item,
            ConditionExpression = episode.Version == 0
                ? "attribute_not_exists(#version) OR expiresAt < :now"
                : "#version = :version AND expiresAt >= :now",
            ExpressionAttributeNames = new() { ["#version"] = EpisodeVersion },
            ExpressionAttributeValues = episode.Version == 0
                ? new() { [":now"] = now }
                : new() { [":version"] = Number(episode.Version), [":now"] = now },
        };
        if (await IgnoreLostConditionAsync("save alarm episode", () => client.PutItemAsync(request, cancellationToken), cancellationToken))
        {
            return true;
        }
        // A put retried by the SDK after a lost response fails on its own item: that is a success.
        var stored = await GetLiveItemAsync("episode#" + episode.Key, "episode", "alarm episode save check", cancellationToken);
        return stored is not null && stored.TryGetValue(SavedBy, out var by) && by.S == saveId;
    }
}
