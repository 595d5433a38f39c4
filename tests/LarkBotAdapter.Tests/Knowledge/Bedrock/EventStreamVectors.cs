using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

/// <summary>TestData/eventstream-vectors.json, made by tests/tooling/make-eventstream-vectors.js with @smithy/eventstream-codec.</summary>
internal sealed record EventStreamVectors(EventStreamCodecInfo Codec, IReadOnlyList<EventStreamVector> Vectors, EventStreamBadFrame BadCrc)
{
    private static readonly Lazy<EventStreamVectors> Loaded = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "eventstream-vectors.json");
        return JsonSerializer.Deserialize(File.ReadAllText(path), EventStreamVectorsContext.Default.EventStreamVectors)
            ?? throw new InvalidOperationException("empty vector file");
    });

    public static EventStreamVectors Instance => Loaded.Value;

    public static TheoryData<string> Names => [.. Instance.Vectors.Select(v => v.Name)];

    public static EventStreamVector Named(string name) => Instance.Vectors.Single(v => v.Name == name);
}

internal sealed record EventStreamCodecInfo(string Package, string Version);

internal sealed record EventStreamVector(string Name, IReadOnlyList<IReadOnlyList<string>> Headers, string Payload, string FrameBase64)
{
    public byte[] Frame => Convert.FromBase64String(FrameBase64);

    public IReadOnlyList<KeyValuePair<string, string>> HeaderPairs => [.. Headers.Select(h => new KeyValuePair<string, string>(h[0], h[1]))];
}

internal sealed record EventStreamBadFrame(string Name, string FrameBase64, string CodecError);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EventStreamVectors))]
internal sealed partial class EventStreamVectorsContext : JsonSerializerContext;
