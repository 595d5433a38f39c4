using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Knowledge.Local;
using ChatOps.LarkBotAdapter.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Local;

public sealed class LocalKnowledgeServiceCollectionExtensionsTests
{
    private static ServiceProvider Build(string? path)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(path is null ? [] : [new(KnowledgeLocation.PathVariable, path)])
            .Build();
        var services = new ServiceCollection().AddLogging();
        services.AddRoutes();
        services.AddLocalKnowledge(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void KnowledgeRouteIsAnsweredByTheLocalResponderWhenRegisteredAfterTheRoutes()
    {
        using var provider = Build(null);
        Assert.IsType<LocalKnowledgeResponder>(provider.GetRequiredService<RouteTable>().For(Intent.KnowledgeBase));
        Assert.True(File.Exists(Path.Combine(provider.GetRequiredService<LocalKnowledgeBase>().Location.Folder!, "runbooks", "checkout-api.md")));
    }

    [Fact]
    public async Task MissingConfiguredFolderStartsAndAnswersWithHowToFixIt()
    {
        using var provider = Build("/nowhere/kb-docs");
        var responder = provider.GetRequiredService<RouteTable>().For(Intent.KnowledgeBase);
        var pieces = new List<string>();
        await foreach (var piece in responder.AnswerAsync(LocalKnowledgeResponderTests.Ask("how do I roll back?"), CancellationToken.None))
        {
            pieces.Add(piece);
        }
        Assert.Contains("KNOWLEDGE_LOCAL_PATH", Assert.Single(pieces), StringComparison.Ordinal);
        Assert.Contains("/nowhere/kb-docs", pieces[0], StringComparison.Ordinal);
    }

    [Fact]
    public void KnowledgeBaseIsOneSingleton()
    {
        using var provider = Build(KnowledgeFolders.RepositoryKnowledge);
        Assert.Same(provider.GetRequiredService<LocalKnowledgeBase>(), provider.GetRequiredService<LocalKnowledgeBase>());
        Assert.Same(provider.GetRequiredService<LocalKnowledgeResponder>(),
            provider.GetServices<IResponder>().OfType<LocalKnowledgeResponder>().Single());
    }
}
