using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.LarkBotAdapter.Tests.ProxyClient;

/// <summary>
/// A loopback HTTPS stand-in for the proxy fleet's internal ALB: a private CA made for the test, a server certificate it
/// issued (for 127.0.0.1, or another name), Kestrel serving /v1/chat with one chunk and done. It counts TCP connections
/// and requests, so a test can tell a refused handshake from a retried one.
/// </summary>
internal sealed class TlsProxyStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _connections;
    private int _requests;

    private TlsProxyStandIn(WebApplication app, string caPem)
    {
        _app = app;
        CaPem = caPem;
    }

    public string CaPem { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public int Connections => Volatile.Read(ref _connections);

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<TlsProxyStandIn> StartAsync(string? serverName = null)
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=ChatOps Test Private CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var server = Issue(ca, serverName);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        TlsProxyStandIn? standIn = null;
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Use(next => context =>
            {
                Interlocked.Increment(ref standIn!._connections);
                return next(context);
            });
            listen.UseHttps(server);
        }));
        var app = builder.Build();
        standIn = new TlsProxyStandIn(app, ca.ExportCertificatePem());
        app.MapPost("/v1/chat", async (HttpContext context) =>
        {
            Interlocked.Increment(ref standIn._requests);
            context.Response.ContentType = "application/x-ndjson";
            await context.Response.WriteAsync("{\"type\":\"chunk\",\"text\":\"over tls\\n\"}\n{\"type\":\"done\",\"exitCode\":0}\n");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        standIn.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // A server certificate for 127.0.0.1 (or serverName), issued by the CA, with its key, as Kestrel needs it.
    private static X509Certificate2 Issue(X509Certificate2 ca, string? serverName)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=qcli-proxy.internal", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        if (serverName is null)
        {
            names.AddIpAddress(IPAddress.Loopback);
        }
        else
        {
            names.AddDnsName(serverName);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(7), RandomNumberGenerator.GetBytes(12));
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pfx), null);
    }
}
