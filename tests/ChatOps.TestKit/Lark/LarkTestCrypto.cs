using System.Security.Cryptography;
using System.Text;

namespace ChatOps.TestKit.Lark;

/// <summary>
/// What the Lark platform does to a body before it reaches us: AES-256-CBC with key SHA-256(encrypt key) and a
/// random IV in front, and the X-Lark-Signature hash. Independent of the app's own LarkCrypto on purpose.
/// </summary>
public static class LarkTestCrypto
{
    /// <summary>Encrypts with a random IV, as Lark does.</summary>
    public static string Encrypt(string encryptKey, string plaintext) =>
        Encrypt(encryptKey, plaintext, RandomNumberGenerator.GetBytes(16));

    /// <summary>Encrypts with a given 16-byte IV (reproduces a recorded vector exactly).</summary>
    public static string Encrypt(string encryptKey, string plaintext, byte[] iv)
    {
        ArgumentNullException.ThrowIfNull(iv);
        using var aes = Aes.Create();
        aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
        var ciphertext = aes.EncryptCbc(Encoding.UTF8.GetBytes(plaintext), iv, PaddingMode.PKCS7);
        return Convert.ToBase64String([.. iv, .. ciphertext]);
    }

    /// <summary>The <c>{"encrypt": "…"}</c> body Lark posts for an encrypted event.</summary>
    public static string EncryptedBody(string encryptKey, string plaintext) =>
        $$"""{"encrypt":"{{Encrypt(encryptKey, plaintext)}}"}""";

    /// <summary>Lower-case hex SHA-256 of timestamp + nonce + encrypt key + body.</summary>
    public static string Sign(string timestamp, string nonce, string encryptKey, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        byte[] prefix = Encoding.UTF8.GetBytes(timestamp + nonce + encryptKey);
        return Convert.ToHexStringLower(SHA256.HashData([.. prefix, .. body]));
    }
}
