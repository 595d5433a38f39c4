namespace ChatOps.QCliProxy.Running;

/// <summary>One CLI run: where, with which prompt and profile, continuing the directory's conversation or not.</summary>
internal sealed record CliInvocation(string WorkingDirectory, string Prompt, string? AwsProfile, bool Resume);
