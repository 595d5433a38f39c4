using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.ProxyClient;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Routing;

public static class IntentServiceCollectionExtensions
{
    // Bedrock Converse (with the local classifier as fallback) when RECOGNITION_MODEL_ID is set; the local
    // classifier alone otherwise (the embedded default).
    public static IServiceCollection AddIntentRecognition(this IServiceCollection services, IConfiguration configuration)
    {
        var summary = configuration["KNOWLEDGE_SUMMARY"];
        // The AWS profile (account) of an aws_ops question is chosen in the same call as the intent.
        var profiles = AwsProfilesSetting.From(configuration);
        services.AddSingleton(new LocalIntentClassifier(summary, profiles));
        var modelId = configuration["RECOGNITION_MODEL_ID"];
        if (string.IsNullOrWhiteSpace(modelId))
        {
            services.AddSingleton<IIntentClassifier>(sp => sp.GetRequiredService<LocalIntentClassifier>());
            return services;
        }
        services.AddOptions<BedrockClassifierOptions>()
            .Configure(o => (o.ModelId, o.KnowledgeSummary, o.AwsProfiles) = (modelId.Trim(), summary, profiles))
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<BedrockClassifierOptions>>().Value);
        services.AddSignedAwsClient<BedrockIntentClassifier>(
            "bedrock",
            aws => aws.BedrockRegion,
            aws => aws.Endpoint("BEDROCK_RUNTIME", "bedrock-runtime", aws.BedrockRegion));
        services.AddTransient<IIntentClassifier>(sp => new FallbackIntentClassifier(
            sp.GetRequiredService<BedrockIntentClassifier>(),
            sp.GetRequiredService<LocalIntentClassifier>(),
            sp.GetRequiredService<ILogger<FallbackIntentClassifier>>()));
        return services;
    }
}
