using System.Globalization;

namespace ChatOps.LarkBotAdapter.Tests.Ops;

/// <summary>One entry of TestData/qcli-vectors.json.</summary>
internal sealed record QCliVector(string Secret, string Method, string Path, long Timestamp, byte[] Body, string Signature, string SignatureV1)
{
    public string TimestampText => Timestamp.ToString(CultureInfo.InvariantCulture);
}
