using System.Diagnostics;
using System.Runtime.InteropServices;
using ChatOps.QCliProxy.Configuration;

namespace ChatOps.QCliProxy.Security;

// Who the CLI runs as. With QCLI_RUN_AS it is its own account, with its own home: the proxy's environment
// (/proc/<pid>/environ), its secret and its files are another user's and unreadable to it. The folders the
// CLI needs are given to that account's primary group (the proxy's user is a member; no setgid bit, which the unit's
// RestrictSUIDSGID forbids) and roots are not listable, so a run reaches only the folder whose (unguessable) name it
// was given.
internal sealed partial class CliUser
{
    private const UnixFileMode OwnerAll = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public CliUser(ProxyOptions options)
    {
        Account = options.RunAs is null ? null : UnixAccount.Find(options.RunAs);
    }

    // The CLI's account, or null when it runs as the proxy's user.
    public UnixAccount? Account { get; }

    // Starts the process as the account, with its home as HOME.
    public void Apply(ProcessStartInfo start)
    {
        if (Account is null)
        {
            return;
        }

        start.UserName = Account.Name;
        start.Environment["HOME"] = Account.Home;
        start.Environment["USER"] = Account.Name;
        start.Environment["LOGNAME"] = Account.Name;
    }

    // A root of folders for runs: the account may pass through it but not list it.
    public void PrepareRoot(string path) =>
        Share(path, Account is null ? OwnerAll : OwnerAll | UnixFileMode.GroupExecute);

    // A folder the run reads and writes (its conversation's working directory).
    public void PrepareWritable(string path) =>
        Share(path, Account is null ? OwnerAll : OwnerAll | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute);

    // A folder the run only reads (its per-run AWS files).
    public void PrepareReadable(string path) =>
        Share(path, Account is null ? OwnerAll : OwnerAll | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);

    // A file the run only reads (its per-run AWS files).
    public void PrepareReadableFile(string path) =>
        Share(path, Account is null ? UnixFileMode.UserRead | UnixFileMode.UserWrite : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

    private void Share(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (Account is not null && Chown(path, uint.MaxValue, Account.GroupId) != 0)
        {
            throw new UnauthorizedAccessException(
                $"cannot give '{path}' to group {Account.GroupId} of QCLI_RUN_AS={Account.Name} (errno {Marshal.GetLastPInvokeError()}); " +
                "the proxy's user must own it and be a member of that group");
        }

        File.SetUnixFileMode(path, mode);
    }

    [LibraryImport("libc", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Chown(string path, uint owner, uint group);
}
