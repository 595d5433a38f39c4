using ChatOps.OpsAgent.Aws;
using ChatOps.QCliProxy.Aws;
using ChatOps.QCliProxy.Running.Sandbox;

namespace ChatOps.QCliProxy.Running;

// One CLI run: where, with which framed prompt and AWS files, continuing the directory's conversation or not, and
// variables of its own (the proposal spool), and what its sandbox shows besides its folder.
internal sealed record CliInvocation(
    string WorkingDirectory, string Prompt, AwsRunFiles? Aws, bool Resume, IReadOnlyDictionary<string, string>? Variables = null, SandboxPaths? Paths = null);
