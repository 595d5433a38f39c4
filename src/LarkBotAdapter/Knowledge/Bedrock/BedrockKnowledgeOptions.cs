using System.Text.RegularExpressions;
using ChatOps.Settings;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// The knowledge_base route on Bedrock Knowledge Bases, from KNOWLEDGE_* variables.
public sealed partial class BedrockKnowledgeOptions : IHasSettingErrors
{
    // The most characters RetrieveAndGenerate accepts as input.text.
    public const int MaxQuestionCharacters = 1000;

    // The placeholder a custom prompt template must contain.
    public const string SearchResultsPlaceholder = "$search_results$";

    // KNOWLEDGE_BASE_ID.
    public string KnowledgeBaseId { get; set; } = string.Empty;

    // KNOWLEDGE_MODEL_ARN; a bare model id becomes the foundation-model ARN in Region.
    public string ModelArn { get; set; } = string.Empty;

    // KNOWLEDGE_RESULTS: chunks retrieved per question (1–100, default 5).
    public int NumberOfResults { get; set; } = 5;

    // KNOWLEDGE_GUARDRAIL_ID (with GuardrailVersion), or null.
    public string? GuardrailId { get; set; }

    // KNOWLEDGE_GUARDRAIL_VERSION: a number or DRAFT.
    public string? GuardrailVersion { get; set; }

    // KNOWLEDGE_PROMPT_TEMPLATE: the generation prompt, containing $search_results$; null for Bedrock's default.
    public string? PromptTemplate { get; set; }

    // KNOWLEDGE_STREAMING (default true): RetrieveAndGenerateStream, else RetrieveAndGenerate.
    public bool Streaming { get; set; } = true;

    // The region of the knowledge base (BEDROCK_REGION).
    public string Region { get; set; } = "us-east-1";

    // Problems found while loading, each naming the variable to fix.
    public IReadOnlyList<string> Errors { get; private set; } = [];

    // Reads and checks the variables; problems go to Errors.
    public void Load(IConfiguration configuration, string region)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var reader = new SettingReader(configuration, errors);
        Region = region;
        LoadModel(reader, errors, region);
        NumberOfResults = reader.Integer("KNOWLEDGE_RESULTS", NumberOfResults, 1, 100);
        LoadGuardrail(reader, errors);
        PromptTemplate = reader.Text("KNOWLEDGE_PROMPT_TEMPLATE");
        if (PromptTemplate is not null && !PromptTemplate.Contains(SearchResultsPlaceholder, StringComparison.Ordinal))
        {
            errors.Add("KNOWLEDGE_PROMPT_TEMPLATE must contain $search_results$, where Bedrock puts the retrieved text.");
        }
        else if (PromptTemplate is { Length: > 4000 })
        {
            errors.Add("KNOWLEDGE_PROMPT_TEMPLATE is longer than Bedrock's limit of 4,000 characters.");
        }
        Streaming = reader.Flag("KNOWLEDGE_STREAMING", Streaming);
        Errors = errors;
    }

    private void LoadModel(SettingReader reader, List<string> errors, string region)
    {
        KnowledgeBaseId = reader.Text("KNOWLEDGE_BASE_ID") ?? string.Empty;
        if (KnowledgeBaseId.Length == 0)
        {
            errors.Add("KNOWLEDGE_BASE_ID is not set (the 10-character id of the Bedrock knowledge base).");
        }
        else if (!KnowledgeBaseIdPattern().IsMatch(KnowledgeBaseId))
        {
            errors.Add("KNOWLEDGE_BASE_ID must be the knowledge base's id: up to 10 letters and digits, e.g. ABCDE12345.");
        }
        if (reader.Text("KNOWLEDGE_MODEL_ARN") is not { } model)
        {
            errors.Add("KNOWLEDGE_MODEL_ARN must be set together with KNOWLEDGE_BASE_ID (the model or inference profile that writes answers).");
            return;
        }
        ModelArn = ToModelArn(model, region);
        if (!ModelArnPattern().IsMatch(ModelArn))
        {
            errors.Add("KNOWLEDGE_MODEL_ARN is neither a Bedrock model ARN (arn:aws:bedrock:REGION::foundation-model/ID, an inference-profile ARN, ...) nor a model id.");
        }
    }

    // Loads and throws InvalidOperationException listing every problem (for callers outside DI).
    public static BedrockKnowledgeOptions FromConfiguration(IConfiguration configuration, string region)
    {
        var options = new BedrockKnowledgeOptions();
        options.Load(configuration, region);
        return options.Errors.Count == 0
            ? options
            : throw new InvalidOperationException("The knowledge base is misconfigured: " + string.Join(" ", options.Errors));
    }

    // A model id becomes arn:PARTITION:bedrock:REGION::foundation-model/ID; an ARN is kept as given.
    public static string ToModelArn(string modelIdOrArn, string region)
    {
        ArgumentNullException.ThrowIfNull(modelIdOrArn);
        ArgumentNullException.ThrowIfNull(region);
        if (modelIdOrArn.StartsWith("arn:", StringComparison.Ordinal))
        {
            return modelIdOrArn;
        }
        var partition = region.StartsWith("cn-", StringComparison.Ordinal) ? "aws-cn"
            : region.StartsWith("us-gov-", StringComparison.Ordinal) ? "aws-us-gov"
            : "aws";
        return $"arn:{partition}:bedrock:{region}::foundation-model/{modelIdOrArn}";
    }

    private void LoadGuardrail(SettingReader reader, List<string> errors)
    {
        GuardrailId = reader.Text("KNOWLEDGE_GUARDRAIL_ID");
        GuardrailVersion = reader.Text("KNOWLEDGE_GUARDRAIL_VERSION");
        if ((GuardrailId is null) != (GuardrailVersion is null))
        {
            errors.Add("KNOWLEDGE_GUARDRAIL_ID and KNOWLEDGE_GUARDRAIL_VERSION must be set together (or neither).");
            return;
        }
        if (GuardrailId is not null && !GuardrailIdPattern().IsMatch(GuardrailId))
        {
            errors.Add("KNOWLEDGE_GUARDRAIL_ID must be the guardrail's id (lowercase letters and digits), not its ARN or name.");
        }
        if (GuardrailVersion is not null && !GuardrailVersionPattern().IsMatch(GuardrailVersion))
        {
            errors.Add("KNOWLEDGE_GUARDRAIL_VERSION must be a version number (e.g. 1) or DRAFT.");
        }
    }

    [GeneratedRegex("^[0-9a-zA-Z]{1,10}$")]
    private static partial Regex KnowledgeBaseIdPattern();

    // The service model's BedrockModelArn pattern, with the arn: part required (ids are turned into ARNs first).
    [GeneratedRegex(@"^arn:aws(-[^:]+)?:(bedrock|sagemaker):[a-z0-9-]{1,20}:([0-9]{12})?:([a-z-]+/)?([a-z0-9.-]{1,63}){0,2}(([:][a-z0-9-]{1,63}){0,2})?(/[a-z0-9]{1,12})?$")]
    private static partial Regex ModelArnPattern();

    [GeneratedRegex("^[a-z0-9]{1,64}$")]
    private static partial Regex GuardrailIdPattern();

    [GeneratedRegex("^(([1-9][0-9]{0,7})|(DRAFT))$")]
    private static partial Regex GuardrailVersionPattern();
}
