using System.Runtime.Versioning;

namespace ChatOps.TestKit.QCli;

/// <summary>The fake <c>q</c> script (tests/QCliProxy.Tests/FakeCli/q) copied next to the tests, made executable once.</summary>
[UnsupportedOSPlatform("windows")]
public static class FakeCli
{
    private static readonly Lazy<string> Prepared = new(() =>
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "FakeCli", "q");
        File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return path;
    });

    public static string Path => Prepared.Value;
}
