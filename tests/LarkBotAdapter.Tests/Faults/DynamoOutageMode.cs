namespace ChatOps.LarkBotAdapter.Tests.Faults;

/// <summary>How <see cref="DynamoOutage"/> fails.</summary>
public enum DynamoOutageMode
{
    None,
    ServerErrors,
    ConnectionReset,
}
