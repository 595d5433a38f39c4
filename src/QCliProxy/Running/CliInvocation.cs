using ChatOps.QCliProxy.Aws;

namespace ChatOps.QCliProxy.Running;

// One CLI run: where, with which framed prompt and AWS files, continuing the directory's conversation or not, and
// variables of its own (the proposal spool).
internal sealed record CliInvocation(string WorkingDirectory, string Prompt, AwsRunFiles? Aws, bool Resume, IReadOnlyDictionary<string, string>? Variables = null);
