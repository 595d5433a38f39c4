using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Hosting;

namespace ChatOps.QCliProxy.Conversations;

// Deletes conversation directories unused for QCLI_IDLE_DAYS, hourly; never one that is in use.
internal sealed class IdleConversationSweeper(
    ConversationStore store, ConversationLocks locks, ProxyOptions options, TimeProvider time, ILogger<IdleConversationSweeper> logger)
    : PeriodicSweeper(Interval, time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    // One pass; returns how many directories were deleted.
    public override int Sweep()
    {
        var cutoff = Time.GetUtcNow().UtcDateTime - options.IdleLifetime;
        var deleted = 0;
        foreach (var path in Directory.EnumerateDirectories(store.Root))
        {
            var name = Path.GetFileName(path);
            if (!ConversationStore.IsDirectoryName(name))
            {
                continue;
            }

            // Lock first, then look at the time: a run that just finished has touched the directory.
            using var held = locks.TryAcquire(name);
            if (held is not null && Directory.GetLastWriteTimeUtc(path) <= cutoff && TryDelete(name, path))
            {
                deleted++;
            }
        }

        SweepRunFiles();
        return deleted;
    }

    // One folder that cannot be deleted (a file the CLI made unreadable) is logged and skipped; the others still go.
    private bool TryDelete(string name, string path)
    {
        try
        {
            store.Delete(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Log.ConversationSweepFailed(logger, name, e);
            return false;
        }
    }

    // Per-run AWS files are deleted when their run ends; this clears those of a proxy that was killed.
    private void SweepRunFiles()
    {
        var runs = Path.Join(store.Root, Aws.AwsProfileFiles.RunsFolder);
        if (!Directory.Exists(runs))
        {
            return;
        }

        var cutoff = Time.GetUtcNow().UtcDateTime - options.Timeout - Interval;
        foreach (var path in Directory.EnumerateDirectories(runs).Where(p => Directory.GetLastWriteTimeUtc(p) <= cutoff))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    protected override void LogSwept(int count) => Log.ConversationsSwept(logger, count);

    protected override void LogFailed(Exception exception) => Log.SweepFailed(logger, exception);
}
