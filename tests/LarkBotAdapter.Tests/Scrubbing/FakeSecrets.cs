namespace ChatOps.LarkBotAdapter.Tests.Scrubbing;

/// <summary>Obviously fake credentials in the real formats (AWS's documented example keys and made-up tokens).</summary>
internal static class FakeSecrets
{
    public const string AccessKeyId = "AKIAIOSFODNN7EXAMPLE";
    public const string TemporaryKeyId = "ASIAIOSFODNN7EXAMPLE";
    public const string SecretKey = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static readonly string SessionToken = "IQoJb3JpZ2luX2VjEXAMPLE" + string.Concat(Enumerable.Repeat("FAKEtokenFAKEtoken0123", 8));
    // Assembled at run time so secret scanners do not mistake the source for a leaked token or key.
    public const string SlackBotToken = "xo" + "xb-0000000000-1111111111-FAKEfakeFAKEfakeFAKEfake";
    public const string SlackAppToken = "xapp-1-A0000000000-0000000000000-fakefakefakefakefake";
    public const string LarkTenantToken = "t-g1044fakefakefakefakefakefakefake00";
    public const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmYWtlIn0.ZmFrZS1zaWduYXR1cmUtZmFrZQ";
    public const string Password = "Fake-Passw0rd!42";
    public const string GitHubToken = "gh" + "p_FAKEfake0000FAKEfake1111FAKEfake2222";
    public const string GitHubFineGrainedToken = "github" + "_pat_11FAKE0000_fakeFAKEfakeFAKEfakeFAKE0000fakeFAKEfakeFAKEfake1111fakeFAKEfakeFAKEfake22";
    public const string SlackWebhookPath = "T00000000/B00000000/" + "FAKEslackWEBHOOKfake0000";
    public const string KubeClientKeyData = "LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQpGQUtFRkFLRQo=";

    // A PuTTY key file (format 3) with fake lines.
    public static readonly string PuttyKey = string.Join('\n',
        "PuTTY-User-Key-File-3: ssh-ed25519",
        "Encryption: none",
        "Comment: eddsa-key-fake",
        "Public-Lines: 2",
        "AAAAC3NzaC1lZDI1NTE5AAAAIFAKEpublicFAKEpublicFAKEpublicFAKEpub",
        "lic0",
        "Private-Lines: 1",
        "AAAAIFAKEprivateFAKEprivateFAKEprivateFAKEprivate00",
        "Private-MAC: 0fa4e5c7b8d9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5");

    public static readonly string OpenSshKey = string.Join('\n',
        "-----BEGIN OPENSSH PRIVATE " + "KEY-----",
        "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW",
        "QyNTUxOQAAACBvcGVuc3NoRkFLRW9wZW5zc2hGQUtFb3BlbnNzaEZBS0UAAAA=",
        "-----END OPENSSH PRIVATE " + "KEY-----");

    public static readonly string PrivateKey = string.Join('\n',
        PemLine("BEGIN"),
        "MIIEowIBAAKCAQEAfakefakefakefakefakefakefakefakefakefakefakefake",
        "FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE",
        "bm90IGEgcmVhbCBrZXkgYXQgYWxsIGp1c3QgdGVzdCBkYXRhIGZvciB0aGUgYm90",
        PemLine("END"));

    /// <summary>Pieces of the fake values that must never survive scrubbing.</summary>
    public static readonly string[] Fragments =
        ["IOSFODNN7", "bPxRfiCYEXAMPLEKEY", "FAKEtokenFAKEtoken", "FAKEfakeFAKEfake", "fakefakefakefakefake", "g1044fake",
         "ZmFrZS1zaWduYXR1cmU", "Passw0rd", "MIIEowIBAAKCAQEA", "bm90IGEgcmVhbCBrZXk", "FAKEfake0000", "11FAKE0000",
         "FAKEslackWEBHOOK", "LS0tLS1CRUdJTiBSU0Eg", "FAKEprivateFAKE", "b3BlbnNzaC1rZXktdjEA"];

    /// <summary>A PEM boundary line of an RSA private key.</summary>
    public static string PemLine(string edge) => $"-----{edge} RSA PRIVATE " + "KEY-----";

    public static void AssertNoneIn(string text)
    {
        foreach (var fragment in Fragments)
        {
            Assert.DoesNotContain(fragment, text, StringComparison.Ordinal);
        }
    }
}
