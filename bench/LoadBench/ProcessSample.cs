using System.Diagnostics;

namespace ChatOps.Bench;

/// <summary>The process's resources after a forced full GC: managed heap, working set, handles, open file
/// descriptors (Linux) and threads.</summary>
internal sealed record ProcessSample(TimeSpan At, long HeapBytes, long WorkingSetBytes, int Handles, int FileDescriptors, int Threads)
{
    public const string Header = "     at   GC heap MB   working set MB   handles   open fds   threads   answered   ack errors";

    public static ProcessSample Take(TimeSpan at)
    {
        // Forced full GC, twice around the finalizers, so the heap shows what is still referenced.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        var fds = Directory.Exists("/proc/self/fd") ? Directory.GetFileSystemEntries("/proc/self/fd").Length : -1;
        return new ProcessSample(at, heap, process.WorkingSet64, process.HandleCount, fds, process.Threads.Count);
    }

    /// <summary>Messages answered when the sample was taken.</summary>
    public int Answered { get; init; }

    public string Row(int errors) =>
        $"{At.TotalSeconds,6:F0}s {HeapBytes / 1048576.0,12:F1} {WorkingSetBytes / 1048576.0,16:F1} {Handles,9} {FileDescriptors,10} {Threads,9} {Answered,10} {errors,12}";

    public static double Drift(double start, double end) => start == 0 ? 0 : (end - start) / start * 100;
}
