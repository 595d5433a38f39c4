using System.Globalization;
using ChatOps.TestKit.Fleet;

namespace ChatOps.ProxyBench;

/// <summary>The proxy as its own process (as under systemd), on a free loopback port, with the fake CLI: the test kit's
/// fleet instance, with the bench's secret and concurrency.</summary>
internal static class ProxyProcess
{
    public const string Secret = "bench-proxy-secret-0001";

    public static Task<ProxyInstance> StartAsync(string fakeCli, string root, int concurrency) =>
        ProxyInstance.StartAsync(
            Secret,
            fakeCli,
            Path.Combine(root, "state"),
            Path.Combine(root, "home"),
            new Dictionary<string, string> { ["QCLI_MAX_CONCURRENCY"] = concurrency.ToString(CultureInfo.InvariantCulture) });
}
