using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Aws;
using ChatOps.LarkBotAdapter.ProxyClient;
using ChatOps.Settings;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Routing;

public static class IntentServiceCollectionExtensions
{
    // With RECOGNITION_MODEL_ID set, the cascade: the local classifier answers when it is confident
    // (INTENT_LOCAL_CONFIDENCE), Bedrock Converse decides the rest (the local classifier again when Bedrock fails).
    // The local classifier alone otherwise (the embedded default).
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
        services.AddOptions<IntentCascadeOptions>().Configure(o => o.Load(configuration)).ValidateSettingsOnStart();
        services.AddTransient<IIntentClassifier>(sp => new CascadeIntentClassifier(
            sp.GetRequiredService<LocalIntentClassifier>(),
            new FallbackIntentClassifier(
                sp.GetRequiredService<BedrockIntentClassifier>(),
                sp.GetRequiredService<LocalIntentClassifier>(),
                sp.GetRequiredService<ILogger<FallbackIntentClassifier>>()),
            sp.GetRequiredService<IOptions<IntentCascadeOptions>>().Value.LocalConfidence,
            sp.GetRequiredService<ILogger<CascadeIntentClassifier>>()));
        return services;
    }
}
