using System.Text;

namespace ChatOps.QCliProxy.Aws;

// Temporary AWS keys and when they expire. Printing one shows neither secret (records print every member otherwise).
internal sealed record AwsKeys(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Expiration = ").Append(Expiration.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }
}
