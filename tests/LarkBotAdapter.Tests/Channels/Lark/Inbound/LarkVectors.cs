using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Lark.Inbound;

/// <summary>TestData/lark-vectors.json, made by tests/tooling/make-lark-vectors.js with the official Node SDK.</summary>
internal sealed record LarkVectors(
    LarkVectorSdk Sdk,
    IReadOnlyList<LarkDecryptVector> Decrypt,
    IReadOnlyList<LarkDecryptVector> DecryptNegative,
    IReadOnlyList<LarkSignatureVector> Signatures,
    IReadOnlyList<LarkSignatureVector> SignatureNegative)
{
    private static readonly Lazy<LarkVectors> Loaded = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "lark-vectors.json");
        return JsonSerializer.Deserialize(File.ReadAllText(path), LarkVectorsContext.Default.LarkVectors)
            ?? throw new InvalidOperationException("empty vector file");
    });

    public static LarkVectors Instance => Loaded.Value;

    public static TheoryData<string> Names(Func<LarkVectors, IEnumerable<string>> select) => [.. select(Instance)];
}

internal sealed record LarkVectorSdk(string Package, string Version);

internal sealed record LarkDecryptVector(string Name, string EncryptKey, string Encrypt, string? Plaintext, string? SdkDecrypted, string? SdkOutcome);

internal sealed record LarkSignatureVector(string Name, string Timestamp, string Nonce, string EncryptKey, string Body, string Signature, bool SdkAccepted);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LarkVectors))]
internal sealed partial class LarkVectorsContext : JsonSerializerContext;
