using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.State;

// One alarm's current episode in one chat (or one chat's storm summary for one minute), as Alarms keeps it.
// Key: alarm:<platform>:<chat>:<alarm ARN> (or alarm-storm:<platform>:<chat>:<minute>).
// State: the alarm state the episode is in (ALARM, OK, INSUFFICIENT_DATA). StateChangeTime: the change it last recorded.
// OpenedAt: when the episode began (for the resolved duration). Owner: the job that wrote the last change, so a retry of
// that job continues where it stopped. RootAppId, RootMessageId: the root message once posted. Summarized: the episode
// went into a storm summary instead of a thread. Listed: a storm summary's alarm names. Version: conditional saves
// seen (0: none stored).
public sealed record AlarmEpisode(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("stateChangeTime")] DateTimeOffset StateChangeTime,
    [property: JsonPropertyName("openedAt")] DateTimeOffset OpenedAt,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("rootAppId")] string? RootAppId = null,
    [property: JsonPropertyName("rootMessageId")] string? RootMessageId = null,
    [property: JsonPropertyName("summarized")] bool Summarized = false,
    [property: JsonPropertyName("listed")] IReadOnlyList<string>? Listed = null,
    [property: JsonPropertyName("version")] long Version = 0);
