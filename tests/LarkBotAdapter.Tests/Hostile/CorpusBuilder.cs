namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>Collects named cases; a repeated name is a corpus bug, caught when the corpus is built.</summary>
public sealed class CorpusBuilder
{
    private readonly Dictionary<string, HostileCase> _cases = new(StringComparer.Ordinal);

    public CorpusBuilder Add(string name, Expect expect, Func<HttpRequestMessage> request, int? status = null)
    {
        _cases.Add(name, new HostileCase(name, request, expect, status));
        return this;
    }

    public IReadOnlyDictionary<string, HostileCase> Build() => _cases;

    /// <summary>The case names as theory data (names serialise, so each case is its own test in the runner).</summary>
    public static TheoryData<string> Names(IReadOnlyDictionary<string, HostileCase> cases)
    {
        var data = new TheoryData<string>();
        foreach (var name in cases.Keys)
        {
            data.Add(name);
        }
        return data;
    }
}
