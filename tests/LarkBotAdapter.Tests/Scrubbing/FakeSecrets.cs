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

    public static readonly string PrivateKey = string.Join('\n',
        PemLine("BEGIN"),
        "MIIEowIBAAKCAQEAfakefakefakefakefakefakefakefakefakefakefakefake",
        "FAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE",
        "bm90IGEgcmVhbCBrZXkgYXQgYWxsIGp1c3QgdGVzdCBkYXRhIGZvciB0aGUgYm90",
        PemLine("END"));

    /// <summary>Pieces of the fake values that must never survive scrubbing.</summary>
    public static readonly string[] Fragments =
        ["IOSFODNN7", "bPxRfiCYEXAMPLEKEY", "FAKEtokenFAKEtoken", "FAKEfakeFAKEfake", "fakefakefakefakefake", "g1044fake",
         "ZmFrZS1zaWduYXR1cmU", "Passw0rd", "MIIEowIBAAKCAQEA", "bm90IGEgcmVhbCBrZXk"];

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
