using ChatOps.QCliProxy;
using ChatOps.QCliProxy.Running;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>The real Q CLI proxy (src/QCliProxy) on loopback, running the proxy tests' fake <c>q</c> script.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RealProxy : IAsyncDisposable
{
    public const string Secret = "end-to-end-proxy-secret";

    private readonly WebApplication _app;
    private readonly string _root;

    private RealProxy(WebApplication app, string root)
    {
        _app = app;
        _root = root;
        Address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
    }

    public Uri Address { get; }

    public static async Task<RealProxy> StartAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "chatops-e2e-proxy", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(root, "home"));
        await File.WriteAllTextAsync(Path.Combine(root, "aws-config"), "[profile prod]\nregion = us-east-1\n\n[profile uat]\nregion = us-east-1\n");
        var fake = Path.Combine(AppContext.BaseDirectory, "FakeCli", "q");
        File.SetUnixFileMode(fake, File.GetUnixFileMode(fake) | UnixFileMode.UserExecute);
        var app = ProxyApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["QCLI_PROXY_SECRET"] = Secret,
                ["QCLI_COMMAND"] = fake,
                ["QCLI_STATE_DIR"] = Path.Combine(root, "state"),
                ["QCLI_AWS_PROFILES"] = "prod,uat",
                ["QCLI_TIMEOUT_SECONDS"] = "60",
                ["QCLI_AWS_CONFIG_FILE"] = Path.Combine(root, "aws-config"),
            });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddSingleton(new ParentEnvironment(new Dictionary<string, string>
            {
                ["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin",
                ["HOME"] = Path.Combine(root, "home"),
                ["LANG"] = "C.UTF-8",
            }));
        });
        await app.StartAsync();
        return new RealProxy(app, root);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A CLI still exiting may hold a file; the temp folder is cleaned by the OS.
        }
    }
}
