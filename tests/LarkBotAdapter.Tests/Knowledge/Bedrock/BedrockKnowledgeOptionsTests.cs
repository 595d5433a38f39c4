using ChatOps.LarkBotAdapter.Knowledge.Bedrock;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Tests.Knowledge.Bedrock;

public sealed class BedrockKnowledgeOptionsTests
{
    private static BedrockKnowledgeOptions Load(params (string Key, string Value)[] values)
    {
        var settings = new Dictionary<string, string?>
        {
            ["KNOWLEDGE_BASE_ID"] = "TESTKB0001",
            ["KNOWLEDGE_MODEL_ARN"] = "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-haiku-20240307-v1:0",
        };
        foreach (var (key, value) in values)
        {
            settings[key] = value;
        }
        var options = new BedrockKnowledgeOptions();
        options.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), "us-west-2");
        return options;
    }

    [Fact]
    public void DefaultsAreFiveResultsStreamingAndNoGuardrail()
    {
        var options = Load();
        Assert.Empty(options.Errors);
        Assert.Equal((5, true, null, null), (options.NumberOfResults, options.Streaming, options.GuardrailId, options.PromptTemplate));
    }

    [Theory]
    [InlineData("anthropic.claude-3-haiku-20240307-v1:0", "us-west-2", "arn:aws:bedrock:us-west-2::foundation-model/anthropic.claude-3-haiku-20240307-v1:0")]
    [InlineData("amazon.nova-pro-v1:0", "cn-north-1", "arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.nova-pro-v1:0")]
    [InlineData("arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0", "us-west-2",
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20240620-v1:0")]
    public void ModelIdBecomesAFoundationModelArnAndArnsAreKept(string given, string region, string arn)
    {
        Assert.Equal(arn, BedrockKnowledgeOptions.ToModelArn(given, region));
    }

    [Theory]
    [InlineData("KNOWLEDGE_MODEL_ARN", "", "KNOWLEDGE_MODEL_ARN must be set together with KNOWLEDGE_BASE_ID")]
    [InlineData("KNOWLEDGE_MODEL_ARN", "arn:aws:s3:::not-a-model", "KNOWLEDGE_MODEL_ARN is neither")]
    [InlineData("KNOWLEDGE_BASE_ID", "not-a-kb-id!", "KNOWLEDGE_BASE_ID must be")]
    [InlineData("KNOWLEDGE_RESULTS", "0", "KNOWLEDGE_RESULTS must be a whole number from 1 to 100")]
    [InlineData("KNOWLEDGE_RESULTS", "five", "KNOWLEDGE_RESULTS must be a whole number from 1 to 100")]
    [InlineData("KNOWLEDGE_GUARDRAIL_ID", "gr0test1", "KNOWLEDGE_GUARDRAIL_ID and KNOWLEDGE_GUARDRAIL_VERSION must be set together")]
    [InlineData("KNOWLEDGE_GUARDRAIL_VERSION", "3", "KNOWLEDGE_GUARDRAIL_ID and KNOWLEDGE_GUARDRAIL_VERSION must be set together")]
    [InlineData("KNOWLEDGE_PROMPT_TEMPLATE", "Answer briefly.", "KNOWLEDGE_PROMPT_TEMPLATE must contain $search_results$")]
    [InlineData("KNOWLEDGE_STREAMING", "sometimes", "KNOWLEDGE_STREAMING must be true or false")]
    public void BadSettingIsReportedByName(string key, string value, string expected)
    {
        var error = Assert.Single(Load((key, value)).Errors);
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void GuardrailNeedsAnIdAndANumericOrDraftVersion()
    {
        Assert.Empty(Load(("KNOWLEDGE_GUARDRAIL_ID", "gr0test1"), ("KNOWLEDGE_GUARDRAIL_VERSION", "DRAFT")).Errors);
        Assert.Equal(2, Load(("KNOWLEDGE_GUARDRAIL_ID", "arn:aws:bedrock:x"), ("KNOWLEDGE_GUARDRAIL_VERSION", "v1")).Errors.Count);
    }

    [Theory]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("TRUE", true)]
    public void StreamingCanBeSwitchedOff(string value, bool streaming)
    {
        Assert.Equal(streaming, Load(("KNOWLEDGE_STREAMING", value)).Streaming);
    }

    [Fact]
    public void FromConfigurationThrowsWithEveryProblem()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["KNOWLEDGE_RESULTS"] = "500" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => BedrockKnowledgeOptions.FromConfiguration(configuration, "us-east-1"));
        Assert.Contains("KNOWLEDGE_BASE_ID", error.Message, StringComparison.Ordinal);
        Assert.Contains("KNOWLEDGE_MODEL_ARN", error.Message, StringComparison.Ordinal);
        Assert.Contains("KNOWLEDGE_RESULTS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RegistrationRejectsABadSettingWhenOptionsAreFirstRead()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["KNOWLEDGE_BASE_ID"] = "TESTKB0001",
        }).Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging()
            .AddBedrockKnowledge(configuration).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<BedrockKnowledgeOptions>>().Value);
        Assert.Contains("KNOWLEDGE_MODEL_ARN", error.Message, StringComparison.Ordinal);
    }
}
