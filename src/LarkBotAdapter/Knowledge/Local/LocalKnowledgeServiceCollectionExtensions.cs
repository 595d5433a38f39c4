using ChatOps.LarkBotAdapter.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.LarkBotAdapter.Knowledge.Local;

public static class LocalKnowledgeServiceCollectionExtensions
{
    // The local knowledge base (located now, loaded at the first question; a missing folder is answered, not
    // thrown) and LocalKnowledgeResponder as the knowledge_base route. Call after AddRoutes: the
    // route table keeps the last responder registered for an intent.
    public static IServiceCollection AddLocalKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(sp => new LocalKnowledgeBase(
            KnowledgeFolderLocator.Locate(configuration[KnowledgeLocation.PathVariable], Directory.GetCurrentDirectory(), AppContext.BaseDirectory),
            KnowledgeRankingOptions.Default,
            sp.GetService<ILogger<LocalKnowledgeBase>>()));
        services.AddSingleton<LocalKnowledgeResponder>();
        services.AddSingleton<IResponder>(sp => sp.GetRequiredService<LocalKnowledgeResponder>());
        return services;
    }
}
