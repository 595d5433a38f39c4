using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace ChatOps.ColdStartBench;

/// <summary>Every app process the bench started and has not stopped, so Ctrl+C or SIGTERM can kill them even when no
/// finally block gets to run.</summary>
internal static class Children
{
    private static readonly ConcurrentDictionary<int, Process> Running = new();
    private static readonly List<PosixSignalRegistration> Signals = [];
    private static readonly Lock StartLock = new();
    private static bool stopping;

    /// <summary>Registered directly because the fake Lark's host also handles these signals, and it only stops itself.</summary>
    public static void KillAllOnExit()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            Signals.Add(PosixSignalRegistration.Create(signal, context =>
            {
                KillAll();
                Console.Error.WriteLine($"{context.Signal}: children stopped, bench ended");
                Environment.Exit(130);
            }));
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    /// <summary>Starts and records the child in one step; <paramref name="startedAt"/> is taken just before the start.</summary>
    public static Process Start(ProcessStartInfo start, out long startedAt)
    {
        lock (StartLock)
        {
            // A child started while a signal handler runs would be missed by it.
            ObjectDisposedException.ThrowIf(stopping, typeof(Children));
            startedAt = Stopwatch.GetTimestamp();
            var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
            Running[process.Id] = process;
            return process;
        }
    }

    public static void Stop(Process process)
    {
        Kill(process);
        Running.TryRemove(process.Id, out _);
    }

    private static void KillAll()
    {
        lock (StartLock)
        {
            stopping = true;
        }
        foreach (var process in Running.Values)
        {
            Kill(process);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
