using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack.Inbound;

/// <summary>TestData/slack-vectors.json, made by tests/tooling/make-slack-vectors.js and checked there with
/// <c>verifySlackRequest</c> from @slack/bolt.</summary>
internal sealed record SlackVectors(SlackVectorSdk Sdk, IReadOnlyList<SlackSignatureVector> Vectors)
{
    private static readonly Lazy<SlackVectors> Loaded = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "slack-vectors.json");
        return JsonSerializer.Deserialize(File.ReadAllText(path), SlackVectorsContext.Default.SlackVectors)
            ?? throw new InvalidOperationException("empty vector file");
    });

    public static SlackVectors Instance => Loaded.Value;

    public static TheoryData<string> Names() => [.. Instance.Vectors.Select(v => v.Name)];

    public static SlackSignatureVector Named(string name) => Instance.Vectors.Single(v => v.Name == name);
}

internal sealed record SlackVectorSdk(string Package, string Version, string Function);

/// <param name="Expected">What this service must decide; equals <paramref name="BoltAccepted"/> except where documented.</param>
internal sealed record SlackSignatureVector(
    string Name, string SigningSecret, long NowUnixSeconds, string Timestamp, string Body, string Signature, bool BoltAccepted, bool Expected);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SlackVectors))]
internal sealed partial class SlackVectorsContext : JsonSerializerContext;
