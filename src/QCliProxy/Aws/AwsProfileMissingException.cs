namespace ChatOps.QCliProxy.Aws;

/// <summary>A profile allowed by <c>QCLI_AWS_PROFILES</c> that the proxy's AWS config does not define.</summary>
internal sealed class AwsProfileMissingException(string profile)
    : Exception($"AWS profile '{profile}' is allowed by QCLI_AWS_PROFILES but defined in neither QCLI_AWS_CONFIG_FILE nor QCLI_AWS_CREDENTIALS_FILE")
{
    public string Profile { get; } = profile;
}
