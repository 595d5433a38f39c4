using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>The Makefile target `sam build` runs, run into a temporary folder, and the apphost it produces started the
/// way the Lambda Web Adapter starts it (port variables set, no cloud configuration).</summary>
public sealed class MakefileBuildTests
{
    private static readonly string[] ClearedPrefixes =
        ["LARK_", "SLACK_", "KNOWLEDGE_", "BEDROCK_", "RECOGNITION_", "QLI_", "QCLI_", "OPS_", "CHATOPS_", "AWS_", "ASPNETCORE_"];

    [ToolFact("make")]
    public async Task BuildTargetPublishesTheHandlerApphostWhichAnswersHealthz()
    {
        var template = SamTemplate.Load();
        var handler = template.FunctionProperties["Handler"]!.ToString();
        var artifacts = Directory.CreateTempSubdirectory("chatops-sam-build-");
        try
        {
            using (var make = ChildProcess.Start("make", [$"build-{template.Function.Id}", $"ARTIFACTS_DIR={artifacts.FullName}"], RepositoryFiles.Root))
            {
                // A guard against a hung make, not a speed check: the publish took over 9 minutes on a machine
                // loaded to ~70 (about one on a quiet one).
                var exitCode = await make.WaitAsync(TimeSpan.FromMinutes(20));
                Assert.True(exitCode == 0, $"make exited with {exitCode}:\n{make.Output}");
            }
            var apphost = Path.Combine(artifacts.FullName, handler);
            Assert.True(File.Exists(apphost), $"{handler} (the Handler) is not in the build output: {string.Join(", ", artifacts.GetFiles().Select(f => f.Name))}");
            if (!OperatingSystem.IsWindows())
            {
                Assert.True(File.GetUnixFileMode(apphost).HasFlag(UnixFileMode.UserExecute), $"{handler} is not executable");
            }
            // Framework-dependent: the dotnet10 runtime brings .NET, the package does not.
            Assert.False(File.Exists(Path.Combine(artifacts.FullName, "libcoreclr.so")), "the build output is self-contained");

            var port = FreePort();
            using var app = ChildProcess.Start(apphost, [], artifacts.FullName, env =>
            {
                foreach (var key in env.Keys.Where(k => ClearedPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)) || k is "URLS" or "DOTNET_URLS").ToList())
                {
                    env.Remove(key);
                }
                env["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                env["AWS_LWA_PORT"] = env["ASPNETCORE_HTTP_PORTS"];
                // Where the apphost finds the shared framework (on Lambda: the dotnet10 runtime).
                env["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            });
            var body = await WaitForHealthAsync(app, new Uri($"http://127.0.0.1:{port}/healthz"));
            Assert.Contains("\"status\":\"ok\"", body, StringComparison.Ordinal);
        }
        finally
        {
            artifacts.Delete(recursive: true);
        }
    }

    private static async Task<string> WaitForHealthAsync(ChildProcess app, Uri healthz)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            Assert.False(app.HasExited, $"the apphost exited:\n{app.Output}");
            try
            {
                using var response = await http.GetAsync(healthz);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail($"/healthz never answered 200:\n{app.Output}");
        return "";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
