using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.Routing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ChatOps.Settings;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

public static class BedrockKnowledgeServiceCollectionExtensions
{
    // The knowledge_base route on Bedrock Knowledge Bases: options from KNOWLEDGE_* (checked at
    // start-up), the signed Agent Runtime client (AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME overrides the endpoint)
    // and the responder. Register it after AddRoutes: the last responder of an intent wins.
    public static IServiceCollection AddBedrockKnowledge(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddAwsBasics();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BedrockKnowledgeOptions>()
            .Configure<AwsSettings>((options, aws) => options.Load(configuration, aws.BedrockRegion))
            .ValidateSettingsOnStart();
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<BedrockKnowledgeOptions>>().Value);
        services.AddSignedAwsClient<BedrockAgentRuntimeClient>(
            "bedrock",
            aws => aws.BedrockRegion,
            aws => aws.Endpoint("BEDROCK_AGENT_RUNTIME", "bedrock-agent-runtime", aws.BedrockRegion));
        // Transient: it holds a typed HttpClient, whose handlers the factory rotates.
        services.AddTransient<IResponder, BedrockKnowledgeResponder>();
        return services;
    }
}
