using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatOps.TestKit.QCli;

/// <summary>A proposal as the proxy sends it in a protocol-2 <c>proposal</c> line, with its arguments hash computed
/// here independently of the app: SHA-256 of the JSON array <c>[id, kind, profile, [[name, value], …]]</c>.</summary>
public sealed record FakeProposal(
    string Id,
    string Kind,
    string Title,
    IReadOnlyList<(string Name, string Value)> Fields,
    string? Profile,
    string ConversationId)
{
    /// <summary>A support case proposal as the AWS Support tools take it.</summary>
    public static FakeProposal SupportCase(string id, string conversationId, string subject = "EC2 instances unreachable in us-east-1", string? profile = "prod") => new(
        id,
        "support_case",
        $"Open an AWS Support case: {subject}",
        [
            ("subject", subject),
            ("service_code", "amazon-elastic-compute-cloud-linux"),
            ("category_code", "instance-issue"),
            ("severity_code", "high"),
            ("communication_body", "Since 09:40 UTC three instances in us-east-1a fail status checks.\nInstance ids: i-0abc, i-0def."),
        ],
        profile,
        conversationId);

    /// <summary>The hash the proxy would compute; a test may send another one to play a tampered proposal.</summary>
    public string Hash
    {
        get
        {
            var fields = new JsonArray();
            foreach (var (name, value) in Fields)
            {
                fields.Add(new JsonArray(name, value));
            }
            var canonical = new JsonArray(Id, Kind, Profile, fields);
            var bytes = JsonSerializer.SerializeToUtf8Bytes(canonical);
            return Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
    }

    /// <summary>The <c>proposal</c> line; <paramref name="hash"/> overrides the true hash.</summary>
    public string Line(string? hash = null)
    {
        var fields = new JsonArray();
        foreach (var (name, value) in Fields)
        {
            fields.Add(new JsonObject { ["name"] = name, ["value"] = value });
        }
        return new JsonObject
        {
            ["type"] = "proposal",
            ["proposal"] = new JsonObject
            {
                ["id"] = Id,
                ["kind"] = Kind,
                ["title"] = Title,
                ["fields"] = fields,
                ["profile"] = Profile,
                ["conversationId"] = ConversationId,
                ["createdAt"] = "2026-12-05T10:00:00+00:00",
                ["argumentsHash"] = hash ?? Hash,
            },
        }.ToJsonString();
    }
}
