using System.Diagnostics;

namespace ChatOps.Bench;

/// <summary>Samples the managed heap and working set every 250 ms while the load runs, and reads the kernel's
/// peak resident set size (VmHWM) at the end.</summary>
internal sealed class MemoryWatch : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _maxHeap;
    private long _maxWorkingSet;

    public MemoryWatch() => _loop = LoopAsync();

    public long MaxHeapBytes => Interlocked.Read(ref _maxHeap);

    public long MaxWorkingSetBytes => Interlocked.Read(ref _maxWorkingSet);

    /// <summary>VmHWM from /proc/self/status in bytes (Linux), else the largest sampled working set.</summary>
    public static long? PeakResidentBytes()
    {
        const string path = "/proc/self/status";
        if (!File.Exists(path))
        {
            return null;
        }
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return long.TryParse(kb, out var value) ? value * 1024 : null;
    }

    public static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):F1} MB";

    private async Task LoopAsync()
    {
        using var process = Process.GetCurrentProcess();
        while (!_stop.IsCancellationRequested)
        {
            process.Refresh();
            Max(ref _maxHeap, GC.GetTotalMemory(forceFullCollection: false));
            Max(ref _maxWorkingSet, process.WorkingSet64);
            try
            {
                await Task.Delay(250, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static void Max(ref long target, long value)
    {
        for (var seen = Interlocked.Read(ref target); value > seen; seen = Interlocked.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }
}
