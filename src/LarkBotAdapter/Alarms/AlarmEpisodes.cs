using ChatOps.LarkBotAdapter.Conversations;
using ChatOps.LarkBotAdapter.State;
using ChatOps.LarkBotAdapter.Telemetry;

namespace ChatOps.LarkBotAdapter.Alarms;

// One alarm change in one chat, as episodes: ALARM (or a shown INSUFFICIENT_DATA) opens an episode with its own root
// message unless the episode is already in that state or the change is not newer than the one recorded; OK resolves
// the open episode (root updated, one line in its thread). The conditional save decides which delivery acts, and the
// job key it records lets a retry of that job finish what it began.
public sealed class AlarmEpisodes(
    IAlarmEpisodeStore store, ChatChannels channels, AlarmStorm storm, AlarmThreads threads, ChatOpsMetrics metrics, ILogger<AlarmEpisodes> logger)
{
    // How long an episode is remembered after its last change (alarms may stay in ALARM for days).
    public static readonly TimeSpan EpisodeTtl = TimeSpan.FromDays(14);

    // notifiedAt: when the SNS notification reached the bot (the diagnosis's first text is measured from it).
    public Task HandleAsync(
        AlarmTarget target, CloudWatchAlarm alarm, string jobKey, DateTimeOffset notifiedAt, CancellationToken cancellationToken, CancellationToken stopping) =>
        alarm.NewState == CloudWatchAlarm.Ok
            ? ResolveAsync(target, alarm, jobKey, cancellationToken)
            : OpenAsync(target, alarm, jobKey, notifiedAt, cancellationToken, stopping);

    public static string KeyOf(AlarmTarget target, CloudWatchAlarm alarm) => $"alarm:{target}:{alarm.Arn}";

    private async Task OpenAsync(
        AlarmTarget target, CloudWatchAlarm alarm, string jobKey, DateTimeOffset notifiedAt, CancellationToken cancellationToken, CancellationToken stopping)
    {
        var key = KeyOf(target, alarm);
        var stored = await store.GetEpisodeAsync(key, cancellationToken);
        if (stored?.Owner != jobKey)
        {
            if (stored is not null && (stored.State == alarm.NewState || stored.StateChangeTime >= alarm.StateChangeTime))
            {
                Log.Repeated(logger, key, alarm.NewState, alarm.StateChangeTime);
                return;
            }
            var opened = new AlarmEpisode(key, alarm.NewState, alarm.StateChangeTime, alarm.StateChangeTime, jobKey, Version: stored?.Version ?? 0);
            if (!await store.TrySaveEpisodeAsync(opened, EpisodeTtl, cancellationToken))
            {
                Log.Repeated(logger, key, alarm.NewState, alarm.StateChangeTime);
                return;
            }
            stored = opened with { Version = opened.Version + 1 };
            EpisodeOpened(target, alarm, key);
        }
        if (stored is { Summarized: false, RootMessageId: null })
        {
            stored = await StartAsync(target, alarm, stored, cancellationToken);
        }
        if (stored is { Summarized: false, RootMessageId: not null } && alarm.NewState == CloudWatchAlarm.Alarm)
        {
            await threads.DiagnoseAsync(RootOf(stored, target), alarm, notifiedAt, cancellationToken, stopping);
        }
    }

    private void EpisodeOpened(AlarmTarget target, CloudWatchAlarm alarm, string key)
    {
        Log.EpisodeOpened(logger, key, alarm.NewState, target.ToString());
        metrics.EpisodeOpened(target.Platform, alarm.NewState);
    }

    // The root message and its thread, or the storm summary when this chat has had its share of threads this minute.
    private async Task<AlarmEpisode> StartAsync(AlarmTarget target, CloudWatchAlarm alarm, AlarmEpisode episode, CancellationToken cancellationToken)
    {
        if (channels.For(target.Platform).Alarms is not { } posts)
        {
            Log.NoAlarmPosts(logger, target.ToString(), target.Platform);
            return await SaveAsync(episode with { Summarized = true }, cancellationToken);
        }
        if (await storm.OverflowsAsync(target, episode.Key + "@" + alarm.StateChangeTime.ToUnixTimeMilliseconds(), cancellationToken))
        {
            Log.Summarized(logger, target.ToString(), alarm.Name);
            await storm.ListAsync(target, alarm, posts, cancellationToken);
            return await SaveAsync(episode with { Summarized = true }, cancellationToken);
        }
        var card = AlarmCards.Opened(alarm);
        var root = await posts.PostAlarmAsync(target.ChatId, card, $"{episode.Key}@{alarm.StateChangeTime.ToUnixTimeMilliseconds()}", cancellationToken);
        var saved = await SaveAsync(episode with { RootAppId = root.AppId, RootMessageId = root.MessageId }, cancellationToken);
        await threads.OpenAsync(root, alarm, cancellationToken);
        return saved;
    }

    private async Task ResolveAsync(AlarmTarget target, CloudWatchAlarm alarm, string jobKey, CancellationToken cancellationToken)
    {
        var key = KeyOf(target, alarm);
        var stored = await store.GetEpisodeAsync(key, cancellationToken);
        if (stored is not { State: CloudWatchAlarm.Ok } || stored.Owner != jobKey)
        {
            if (stored is null || stored.State == CloudWatchAlarm.Ok || stored.StateChangeTime >= alarm.StateChangeTime)
            {
                Log.NothingOpen(logger, key);
                return;
            }
            var resolved = stored with { State = CloudWatchAlarm.Ok, StateChangeTime = alarm.StateChangeTime, Owner = jobKey };
            if (!await store.TrySaveEpisodeAsync(resolved, EpisodeTtl, cancellationToken))
            {
                Log.NothingOpen(logger, key);
                return;
            }
            stored = resolved with { Version = resolved.Version + 1 };
        }
        var duration = alarm.StateChangeTime - stored.OpenedAt;
        Log.Resolved(logger, key, duration);
        if (stored.RootMessageId is not null && channels.For(target.Platform) is { Alarms: { } posts } channel)
        {
            var root = RootOf(stored, target);
            await posts.UpdateAlarmAsync(root, AlarmCards.Resolved(alarm, duration), cancellationToken);
            await channel.PostNoticeAsync(root, "alarm-ok:" + alarm.StateChangeTime.ToUnixTimeMilliseconds(), AlarmCards.ResolvedLine(alarm, duration), cancellationToken);
        }
    }

    // Saves what this job changed on its own episode; a conflict means another delivery moved the episode on, which
    // then owns what follows.
    private async Task<AlarmEpisode> SaveAsync(AlarmEpisode episode, CancellationToken cancellationToken) =>
        await store.TrySaveEpisodeAsync(episode, EpisodeTtl, cancellationToken)
            ? episode with { Version = episode.Version + 1 }
            : await store.GetEpisodeAsync(episode.Key, cancellationToken) ?? episode;

    private static ChatTurn RootOf(AlarmEpisode episode, AlarmTarget target) =>
        new(target.Platform, episode.RootAppId!, target.ChatId, ChatTypes.Group, episode.RootMessageId!, null, null, ChatTurn.AlarmSender, "text", "", []);
}
