using System.Diagnostics;
using ChatOps.QCliProxy.Hosting;

namespace ChatOps.QCliProxy.Tests.Hosting;

public sealed class FileLeaseTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "qcli-lease-tests", Guid.NewGuid().ToString("N"));

    public FileLeaseTests() => Directory.CreateDirectory(_root);

    [Fact]
    public void LeaseHeldInThisProcessIsNotTakenTwice()
    {
        var path = Path.Combine(_root, "a.lock");
        using var first = FileLease.TryTake(path);

        Assert.NotNull(first);
        Assert.Null(FileLease.TryTake(path));
        first.Dispose();
        using var again = FileLease.TryTake(path);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task LeaseHeldByAnotherProcessIsFreeOnceThatProcessIsKilled()
    {
        var path = Path.Combine(_root, "b.lock");
        var held = Path.Combine(_root, "held");
        // flock(1) takes the same flock(LOCK_EX) lock, then says so and sleeps.
        using var holder = Process.Start(new ProcessStartInfo("flock", ["-x", path, "sh", "-c", $"touch {held}; exec sleep 600"]))!;
        while (!File.Exists(held))
        {
            await Task.Delay(20);
        }

        var whileHeld = FileLease.TryTake(path);
        holder.Kill(entireProcessTree: true);
        await holder.WaitForExitAsync();
        using var afterKill = await FileLease.TakeAsync(path, TimeProvider.System, new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Null(whileHeld);
        Assert.Equal(path, afterKill.Path);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
