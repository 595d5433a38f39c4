namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>One corpus entry: a request built fresh when sent (signatures carry the current time) and what it must end in.</summary>
/// <param name="Status">The exact status expected, when it matters (401 for bad signatures, 413 for big bodies).</param>
public sealed record HostileCase(string Name, Func<HttpRequestMessage> Request, Expect Expect, int? Status = null)
{
    public override string ToString() => Name;
}
