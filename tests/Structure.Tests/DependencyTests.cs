namespace Structure.Tests;

/// <summary>
/// Areas depend on each other one way. The cycles still listed here are the ones issue 21 removes; a new cycle fails,
/// and so does a listed one that is gone (so the list only shrinks).
/// </summary>
public class DependencyTests
{
    private static readonly string[] KnownBotCycles =
    [
    ];

    private static readonly string[] KnownProxyCycles =
    [
    ];

    [Theory]
    [InlineData("LarkBotAdapter")]
    [InlineData("QCliProxy")]
    [InlineData("OpsAgent")]
    public void AreasFormNoNewCycles(string project)
    {
        var known = project == "QCliProxy" ? KnownProxyCycles : project == "OpsAgent" ? [] : KnownBotCycles;
        var cycles = new AreaGraph(project).Cycles();

        var added = cycles.Except(known).ToList();
        var gone = known.Except(cycles).ToList();
        Assert.True(added.Count == 0, "new cycles between areas:\n" + string.Join('\n', added));
        Assert.True(gone.Count == 0, "cycles that are gone; remove them from the known list:\n" + string.Join('\n', gone));
    }

    [Fact]
    public void TheGraphSeesTheAreas()
    {
        var bot = new AreaGraph("LarkBotAdapter").Edges;
        Assert.Contains("Scrubbing", bot["Channels"]);
        Assert.True(bot.Count >= 10, $"only {bot.Count} areas found");
    }

    [Fact]
    public void ACycleIsFound()
    {
        // The walk itself, on the proxy's graph: at least the edges exist that any cycle would need.
        var proxy = new AreaGraph("QCliProxy").Edges;
        Assert.Contains("Configuration", proxy["Running"]);
    }
}
