namespace ChatOps.QCliProxy.Aws;

// A profile allowed by QCLI_AWS_PROFILES that the proxy's AWS config does not define.
internal sealed class AwsProfileMissingException(string profile)
    : Exception($"AWS profile '{profile}' is allowed by QCLI_AWS_PROFILES but defined in neither QCLI_AWS_CONFIG_FILE nor QCLI_AWS_CREDENTIALS_FILE")
{
    public string Profile { get; } = profile;
}
