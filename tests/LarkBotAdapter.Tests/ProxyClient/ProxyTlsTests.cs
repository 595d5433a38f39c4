using ChatOps.LarkBotAdapter.Ops;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Tests.Ops;
using Microsoft.Extensions.Configuration;

namespace ChatOps.LarkBotAdapter.Tests.ProxyClient;

/// <summary>The bot's connection to the proxy fleet over https, against a loopback TLS stand-in with a private CA.</summary>
public sealed class ProxyTlsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "proxy-tls-tests", Guid.NewGuid().ToString("N"));

    public ProxyTlsTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task CertificateFromThePrivateCaNamedInTheCaFileIsTrusted()
    {
        await using var proxy = await TlsProxyStandIn.StartAsync();
        var options = Options(proxy, await CaFileAsync(proxy));

        var lines = new List<ChatOps.Contracts.QCliStreamLine>();
        await foreach (var line in OpsTesting.Client(options, ProxyHttpHandler.Create(options)).ChatAsync(OpsTesting.Chat(), CancellationToken.None))
        {
            lines.Add(line);
        }

        Assert.Equal("https", options.Address!.Scheme);
        Assert.Equal("over tls\n", lines[0].Text);
        Assert.Equal("done", lines[^1].Type);
    }

    [Fact]
    public async Task WithoutTheCaFileTheThreadSaysTheCertificateIsNotTrustedAndNothingIsRetried()
    {
        await using var proxy = await TlsProxyStandIn.StartAsync();
        var options = Options(proxy, caFile: null);

        var ex = await Assert.ThrowsAsync<ResponderException>(() => OpsTesting.AnswerAsync(
            OpsTesting.Responder(options, ProxyHttpHandler.Create(options)), OpsTesting.Request(OpsTesting.Turn("is prod up?"))));

        Assert.Contains("TLS certificate could not be verified", ex.Message, StringComparison.Ordinal);
        Assert.Contains("QCLI_PROXY_CA_FILE", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.Retryable);
        Assert.Equal(1, proxy.Connections);
        Assert.Equal(0, proxy.Requests);
    }

    [Fact]
    public async Task CertificateForAnotherNameIsRefusedEvenFromTheTrustedCa()
    {
        await using var proxy = await TlsProxyStandIn.StartAsync(serverName: "other.internal");
        var options = Options(proxy, await CaFileAsync(proxy));

        var ex = await Assert.ThrowsAsync<QCliProxyException>(async () =>
        {
            await foreach (var _ in OpsTesting.Client(options, ProxyHttpHandler.Create(options)).ChatAsync(OpsTesting.Chat(), CancellationToken.None))
            {
            }
        });

        Assert.Equal(QCliFailure.Untrusted, ex.Failure);
        Assert.Equal(0, proxy.Requests);
    }

    [Fact]
    public void CaFileThatCannotBeReadIsAStartupErrorNamingTheSetting()
    {
        var errors = Errors(Path.Combine(_folder, "missing.pem"));

        Assert.Contains(errors, e => e.StartsWith("QCLI_PROXY_CA_FILE", StringComparison.Ordinal) && e.Contains("could not be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaFileWithoutACertificateIsAStartupErrorNamingTheSetting()
    {
        var path = Path.Combine(_folder, "empty.pem");
        await File.WriteAllTextAsync(path, "not a certificate\n");

        var errors = Errors(path);

        Assert.Contains(errors, e => e.StartsWith("QCLI_PROXY_CA_FILE", StringComparison.Ordinal) && e.Contains("holds no certificate", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static QCliProxyOptions Options(TlsProxyStandIn proxy, string? caFile)
    {
        var settings = OpsTesting.Settings(proxy.BaseAddress);
        settings["QCLI_PROXY_CA_FILE"] = caFile;
        return OpsTesting.Options(settings);
    }

    private static IReadOnlyList<string> Errors(string caFile)
    {
        var settings = OpsTesting.Settings(new Uri("https://proxy.internal/"));
        settings["QCLI_PROXY_CA_FILE"] = caFile;
        var options = new QCliProxyOptions();
        options.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return options.Errors;
    }

    private async Task<string> CaFileAsync(TlsProxyStandIn proxy)
    {
        var path = Path.Combine(_folder, "ca.pem");
        await File.WriteAllTextAsync(path, proxy.CaPem);
        return path;
    }
}
