namespace ChatOps.QCliProxy.Aws;

// One AssumeRole the proxy makes for a profile: the role and the profile's external_id and duration_seconds.
internal sealed record RoleStep(string RoleArn, string? ExternalId, int? DurationSeconds);
