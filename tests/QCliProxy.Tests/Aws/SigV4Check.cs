using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace ChatOps.QCliProxy.Tests.Aws;

/// <summary>Recomputes a request's SigV4 signature (AWS4-HMAC-SHA256, header form) from what arrived, with a known secret.</summary>
public static class SigV4Check
{
    public static bool Verify(HttpRequest request, byte[] body, string secretAccessKey, string service)
    {
        var authorization = request.Headers.Authorization.ToString();
        var parts = authorization.Replace("AWS4-HMAC-SHA256 ", "", StringComparison.Ordinal).Split(", ")
            .Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (!authorization.StartsWith("AWS4-HMAC-SHA256 ", StringComparison.Ordinal) || !parts.TryGetValue("Credential", out var credential)
            || !parts.TryGetValue("SignedHeaders", out var signedHeaders) || !parts.TryGetValue("Signature", out var signature))
        {
            return false;
        }

        var scope = credential.Split('/', 2)[1];
        var scopeParts = scope.Split('/');
        if (scopeParts.Length != 4 || scopeParts[2] != service)
        {
            return false;
        }

        var headers = signedHeaders.Split(';');
        var canonical = new StringBuilder()
            .Append(request.Method).Append('\n')
            .Append(request.Path.HasValue ? request.Path.Value : "/").Append('\n')
            .Append(request.QueryString.HasValue ? request.QueryString.Value![1..] : "").Append('\n');
        foreach (var name in headers)
        {
            var value = name == "host" ? request.Host.Value : request.Headers[name].ToString();
            canonical.Append(name).Append(':').Append(value?.Trim()).Append('\n');
        }

        canonical.Append('\n').Append(signedHeaders).Append('\n').Append(Hex(SHA256.HashData(body)));
        var toSign = $"AWS4-HMAC-SHA256\n{request.Headers["X-Amz-Date"]}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        foreach (var step in scopeParts)
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(step));
        }

        var expected = Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature));
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
