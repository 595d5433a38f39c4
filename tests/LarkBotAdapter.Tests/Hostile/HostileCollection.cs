namespace ChatOps.LarkBotAdapter.Tests.Hostile;

/// <summary>The corpus tests share one app and run one after another, so side effects are counted per case.</summary>
[CollectionDefinition(Name)]
public sealed class HostileCollection : ICollectionFixture<HostileApp>
{
    public const string Name = "Hostile app";
}
