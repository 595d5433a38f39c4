using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// Lark event subscription crypto: AES-256-CBC decryption of {"encrypt": …} bodies and the
// X-Lark-Signature check. Cross-checked against @larksuiteoapi/node-sdk (see TestData/lark-vectors.json).
public static class LarkCrypto
{
    private const int BlockSize = 16;
    private const int Sha256HexLength = 64;

    // Strict decoder: a plaintext that is not UTF-8 is not a Lark event (the Node SDK would substitute U+FFFD).
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Decrypts an encrypt field. Returns false, never throws, on any malformed input or wrong key.
    public static bool TryDecrypt(string encryptKey, string encryptBase64, out string plaintextJson)
    {
        plaintextJson = string.Empty;
        if (string.IsNullOrEmpty(encryptKey) || string.IsNullOrEmpty(encryptBase64))
        {
            return false;
        }

        var buffer = ArrayPool<byte>.Shared.Rent((encryptBase64.Length / 4 * 3) + 3);
        try
        {
            if (!Convert.TryFromBase64String(encryptBase64, buffer, out var length)
                || length < 2 * BlockSize
                || length % BlockSize != 0)
            {
                return false;
            }

            using var aes = Aes.Create();
            aes.Key = SHA256.HashData(Encoding.UTF8.GetBytes(encryptKey));
            var data = buffer.AsSpan(0, length);
            var plaintext = aes.DecryptCbc(data[BlockSize..], data[..BlockSize], PaddingMode.PKCS7);
            plaintextJson = StrictUtf8.GetString(plaintext);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    // Lower-case hex SHA-256 of timestamp + nonce + encrypt key + the raw body bytes.
    public static string ComputeSignature(string timestamp, string nonce, string encryptKey, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(timestamp);
        ArgumentNullException.ThrowIfNull(nonce);
        ArgumentNullException.ThrowIfNull(encryptKey);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(timestamp, nonce, encryptKey, body, digest);
        return Convert.ToHexStringLower(digest);
    }

    // Checks X-Lark-Signature in constant time. False when any header is missing, the key is empty
    // or the signature is not 64 hex digits.
    public static bool VerifySignature(string? timestamp, string? nonce, string encryptKey, ReadOnlySpan<byte> body, string? signature)
    {
        if (timestamp is null || nonce is null || signature is null || string.IsNullOrEmpty(encryptKey)
            || signature.Length != Sha256HexLength)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        if (Convert.FromHexString(signature, given, out _, out var written) != OperationStatus.Done
            || written != given.Length)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        Hash(timestamp, nonce, encryptKey, body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    // Compares a verification token in constant time; false when either side is missing or empty.
    public static bool TokenEquals(string expected, string? actual)
    {
        if (string.IsNullOrEmpty(expected) || string.IsNullOrEmpty(actual))
        {
            return false;
        }

        // Hashing first gives equal-length inputs, so the comparison does not leak the token's length either.
        Span<byte> left = stackalloc byte[SHA256.HashSizeInBytes];
        Span<byte> right = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(expected), left);
        SHA256.HashData(Encoding.UTF8.GetBytes(actual), right);
        return CryptographicOperations.FixedTimeEquals(left, right);
    }

    private static void Hash(string timestamp, string nonce, string encryptKey, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(string.Concat(timestamp, nonce, encryptKey)));
        hash.AppendData(body);
        hash.GetHashAndReset(destination);
    }
}
