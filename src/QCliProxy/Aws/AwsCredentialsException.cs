namespace ChatOps.QCliProxy.Aws;

// The proxy could not get a run's temporary keys (QCLI_VEND_CREDENTIALS): the message names the step, never a key.
internal sealed class AwsCredentialsException(string profile, string problem, Exception? inner = null)
    : Exception($"the proxy could not get credentials for AWS profile '{profile}' (QCLI_VEND_CREDENTIALS=true): {problem}", inner)
{
    public string Profile { get; } = profile;
}
