using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChatOps.Contracts;

/// <summary>The hash that ties an approval to exactly what was shown: SHA-256 over a canonical JSON array
/// <c>[id, kind, profile, [[name, value], …]]</c> (fields in their order, strings escaped by System.Text.Json's default
/// encoder, no whitespace). The bot computes it from what its approval card displays; the proxy from what it stored, and
/// executes only when the two match.</summary>
internal static class QCliProposalHash
{
    public static string Compute(string id, string kind, string? profile, IReadOnlyList<QCliProposalField> fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(id);
            json.WriteStringValue(kind);
            if (profile is null)
            {
                json.WriteNullValue();
            }
            else
            {
                json.WriteStringValue(profile);
            }
            json.WriteStartArray();
            foreach (var field in fields)
            {
                json.WriteStartArray();
                json.WriteStringValue(field.Name);
                json.WriteStringValue(field.Value);
                json.WriteEndArray();
            }
            json.WriteEndArray();
            json.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    public static string Compute(QCliProposal proposal) => Compute(proposal.Id, proposal.Kind, proposal.Profile, proposal.Fields);

    /// <summary>Whether a hash from the wire matches, compared in fixed time.</summary>
    public static bool Matches(string expectedHex, string? givenHex) =>
        givenHex is { Length: 64 }
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expectedHex), Encoding.ASCII.GetBytes(givenHex.ToLowerInvariant()));
}
