using System.Globalization;
using ChatOps.LarkBotAdapter.Conversations.Alarms;
using ChatOps.LarkBotAdapter.State;

namespace ChatOps.LarkBotAdapter.Alarms;

// More than ALARM_MAX_THREADS_PER_MINUTE new episodes in one chat within a clock minute: the first ones get threads,
// the rest are listed on one summary message per chat and minute, updated as more arrive (a new minute starts a new
// summary). Counted in the store's minute windows, so every instance shares the count.
public sealed class AlarmStorm(IAlarmEpisodeStore store, IStateStore state, AlarmOptions options, TimeProvider time)
{
    private const int MaxListed = 200;

    // Whether the episode (member: its key and change time, so a retried job counts once) is beyond this minute's share.
    public async Task<bool> OverflowsAsync(AlarmTarget target, string member, CancellationToken cancellationToken)
    {
        var window = $"alarm-window:{target}:{Minute()}";
        var count = await state.CountInWindowAsync(window, member, options.MaxThreadsPerMinute + MaxListed, TimeSpan.FromMinutes(2), cancellationToken);
        return count > options.MaxThreadsPerMinute;
    }

    // Adds the alarm to this minute's summary in the chat: the first one posts it, later ones update it.
    public async Task ListAsync(AlarmTarget target, CloudWatchAlarm alarm, IAlarmPosts posts, CancellationToken cancellationToken)
    {
        var minute = Minute();
        var key = $"alarm-storm:{target}:{minute}";
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await store.GetEpisodeAsync(key, cancellationToken)
                         ?? new AlarmEpisode(key, "STORM", time.GetUtcNow(), time.GetUtcNow(), "", Listed: []);
            var listed = (stored.Listed ?? []).Contains(alarm.Name, StringComparer.Ordinal) ? stored.Listed! : [.. stored.Listed ?? [], alarm.Name];
            var next = stored with { Listed = listed.Take(MaxListed).ToArray() };
            if (!await store.TrySaveEpisodeAsync(next, AlarmEpisodes.EpisodeTtl, cancellationToken))
            {
                continue;
            }
            var card = AlarmCards.Storm(next.Listed!, options.MaxThreadsPerMinute, minute);
            if (stored.RootMessageId is null && stored.Version == 0)
            {
                await PostAsync(target, next with { Version = next.Version + 1 }, posts, minute, cancellationToken);
            }
            else if (stored.RootMessageId is not null)
            {
                await posts.UpdateAlarmAsync(Root(target, stored), card, cancellationToken);
            }
            return;
        }
    }

    // The first alarm of the storm posts the summary, records it, and shows whatever was listed meanwhile.
    private async Task PostAsync(AlarmTarget target, AlarmEpisode summary, IAlarmPosts posts, string minute, CancellationToken cancellationToken)
    {
        var root = await posts.PostAlarmAsync(target.ChatId, AlarmCards.Storm(summary.Listed!, options.MaxThreadsPerMinute, minute), summary.Key, cancellationToken);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var withRoot = summary with { RootAppId = root.AppId, RootMessageId = root.MessageId };
            if (await store.TrySaveEpisodeAsync(withRoot, AlarmEpisodes.EpisodeTtl, cancellationToken))
            {
                return;
            }
            var newer = await store.GetEpisodeAsync(summary.Key, cancellationToken);
            if (newer is null)
            {
                return;
            }
            if ((newer.Listed?.Count ?? 0) != (summary.Listed?.Count ?? 0))
            {
                await posts.UpdateAlarmAsync(root, AlarmCards.Storm(newer.Listed!, options.MaxThreadsPerMinute, minute), cancellationToken);
            }
            summary = newer;
        }
    }

    private static Conversations.ChatTurn Root(AlarmTarget target, AlarmEpisode summary) =>
        new(target.Platform, summary.RootAppId!, target.ChatId, Conversations.ChatTypes.Group, summary.RootMessageId!, null, null,
            Conversations.ChatTurn.AlarmSender, "text", "", []);

    private string Minute() => time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
