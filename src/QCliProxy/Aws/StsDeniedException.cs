namespace ChatOps.QCliProxy.Aws;

// STS answered an AssumeRole with an error (its code, e.g. AccessDenied; the message is not kept).
internal sealed class StsDeniedException(string roleArn, int status, string code)
    : Exception($"STS AssumeRole of {roleArn} answered {status} {code}")
{
    public string Code { get; } = code;
}
