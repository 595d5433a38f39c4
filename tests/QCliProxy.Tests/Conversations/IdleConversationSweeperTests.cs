using ChatOps.QCliProxy.Configuration;
using ChatOps.QCliProxy.Conversations;
using ChatOps.QCliProxy.Running;
using ChatOps.QCliProxy.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.QCliProxy.Tests.Conversations;

public sealed class IdleConversationSweeperTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "qcli-proxy-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ConversationLocks _locks;
    private readonly ConversationStore _store;
    private readonly IdleConversationSweeper _sweeper;

    public IdleConversationSweeperTests()
    {
        Directory.CreateDirectory(_root);
        var options = new ProxyOptions { StateDirectory = _root, IdleLifetime = TimeSpan.FromDays(7) };
        _store = new ConversationStore(options, new CliUser(options), _time);
        _locks = new ConversationLocks(options, _time);
        _sweeper = new IdleConversationSweeper(_store, _locks, options, _time, NullLogger<IdleConversationSweeper>.Instance);
    }

    [Fact]
    public void DirectoryIdleLongerThanTheLimitIsDeleted()
    {
        var directory = _store.Open("thread-1");
        _time.Advance(TimeSpan.FromDays(8));

        Assert.Equal(1, _sweeper.Sweep());
        Assert.False(Directory.Exists(directory.Path));
    }

    [Fact]
    public void RecentlyUsedDirectoryStays()
    {
        _store.Open("thread-1");
        _time.Advance(TimeSpan.FromDays(6));
        var reused = _store.Open("thread-1");
        _time.Advance(TimeSpan.FromDays(6));

        Assert.Equal(0, _sweeper.Sweep());
        Assert.True(Directory.Exists(reused.Path));
    }

    [Fact]
    public void DirectoryInUseIsNeverDeleted()
    {
        var directory = _store.Open("thread-1");
        using var running = _locks.TryAcquire(directory.Name);
        _time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, _sweeper.Sweep());
        Assert.True(Directory.Exists(directory.Path));
    }

    [Fact]
    public void EntriesThatAreNotConversationsAreLeftAlone()
    {
        var foreign = Directory.CreateDirectory(Path.Combine(_root, "notes")).FullName;
        Directory.SetLastWriteTimeUtc(foreign, DateTime.UtcNow.AddYears(-1));
        _time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(0, _sweeper.Sweep());
        Assert.True(Directory.Exists(foreign));
    }

    [Fact]
    public void OneFolderThatCannotBeDeletedDoesNotStopTheSweep()
    {
        var stuck = _store.Open("thread-stuck");
        var others = new[] { _store.Open("thread-1"), _store.Open("thread-2"), _store.Open("thread-3") };
        var locked = Directory.CreateDirectory(Path.Join(stuck.Path, ".kiro")).FullName;
        File.WriteAllText(Path.Join(locked, "chatops.json"), "{}");
        Lock(locked, on: true);
        _time.Advance(TimeSpan.FromDays(8));
        try
        {
            Assert.Equal(3, _sweeper.Sweep());
            Assert.All(others, o => Assert.False(Directory.Exists(o.Path)));
            Assert.True(Directory.Exists(stuck.Path));
        }
        finally
        {
            Lock(locked, on: false);
        }
    }

    // Root may delete anything it can read: the immutable attribute stops it; other users are stopped by mode 000.
    private static void Lock(string path, bool on)
    {
        if (Environment.UserName != "root")
        {
            File.SetUnixFileMode(path, on ? UnixFileMode.None : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return;
        }

        using var chattr = System.Diagnostics.Process.Start("chattr", [on ? "+i" : "-i", path]);
        chattr.WaitForExit();
        Assert.Equal(0, chattr.ExitCode);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
