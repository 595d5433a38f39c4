namespace ChatOps.QCliProxy.Hosting;

// A cross-process lease: an exclusive advisory lock on a file, held while this object lives. .NET takes it with
// flock(LOCK_EX | LOCK_NB) when a FileStream is opened with FileShare.None; the Linux NFS client (EFS) turns flock
// into a whole-file NFSv4 lock, so every instance mounting the same folder sees it. The kernel drops the lock when
// the holder's process dies (on NFS, once the server expires the dead client's lease), so no lease outlives its holder.
internal sealed class FileLease : IDisposable
{
    // How often a taken lease is tried again while waiting; flock has no fair queue, waiters simply retry.
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(50);

    // errno EWOULDBLOCK (EAGAIN on Linux): another open file description holds the lock.
    private const int WouldBlock = 11;

    private readonly FileStream _stream;

    private FileLease(FileStream stream) => _stream = stream;

    public string Path => _stream.Name;

    // The lease, or null when another holder (this or any other process, on any instance) has it.
    public static FileLease? TryTake(string path)
    {
        try
        {
            return new FileLease(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None));
        }
        catch (IOException e) when (e.HResult == WouldBlock || e.HResult == unchecked((int)0x80070020))
        {
            return null;
        }
    }

    // Waits until the lease is had; throws OperationCanceledException when ct fires first.
    public static async Task<FileLease> TakeAsync(string path, TimeProvider time, CancellationToken ct)
    {
        while (true)
        {
            if (TryTake(path) is { } lease)
            {
                return lease;
            }

            await Task.Delay(RetryInterval, time, ct);
        }
    }

    // Made once, for the proxy's user only: the CLI's account can neither take nor remove a lease file.
    public static string PrepareFolder(string folder)
    {
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }

    // Closing the file releases the lock. The file stays: deleting it could let a waiter lock an unlinked copy.
    public void Dispose() => _stream.Dispose();
}
