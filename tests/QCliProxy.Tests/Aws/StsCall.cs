namespace ChatOps.QCliProxy.Tests.Aws;

/// <summary>One request the fake STS received: the form's fields, the signing headers and whether the signature held.</summary>
public sealed record StsCall(
    string? Action, string? RoleArn, string? RoleSessionName, string? DurationSeconds, string? ExternalId,
    string Authorization, string SecurityToken, bool SignatureValid);
