using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace ChatOps.LarkBotAdapter.ProxyClient;

// QCLI_PROXY_CA_FILE: a PEM bundle of the private CA(s) that issued the proxy fleet's certificate (the internal ALB's).
// Unset, the proxy's certificate is verified against the system's trust store as usual.
internal static class ProxyCaBundle
{
    public const string Setting = "QCLI_PROXY_CA_FILE";

    // The certificates of the bundle; null when the setting is unset or (after adding an error naming it) unusable.
    public static X509Certificate2Collection? Load(string? path, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var bundle = new X509Certificate2Collection();
        try
        {
            bundle.ImportFromPemFile(path.Trim());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            errors.Add($"{Setting} ({path.Trim()}) could not be read as a PEM certificate bundle: {e.Message}");
            return null;
        }

        if (bundle.Count == 0)
        {
            errors.Add($"{Setting} ({path.Trim()}) holds no certificate: give a PEM file with one or more -----BEGIN CERTIFICATE----- blocks.");
            return null;
        }

        return bundle;
    }
}
