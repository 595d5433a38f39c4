using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>What the production code reads and calls, found in its sources (src/LarkBotAdapter, src/IntentRecognition, and src/Contracts, compiled into it)
/// so the template is checked against the code as it changes, not against a list kept by hand.</summary>
public static partial class SourceScan
{
    public static readonly string[] Folders = [System.IO.Path.Combine("src", "LarkBotAdapter"), System.IO.Path.Combine("src", "IntentRecognition"), System.IO.Path.Combine("src", "Contracts")];

    // Prefixes of this project's own variables: a literal with one of them is a configuration key wherever it
    // appears (helpers such as Read(configuration, "SLACK_BOT_TOKEN") included).
    private static readonly string[] OwnPrefixes = ["ALARM_", "LARK_", "SLACK_", "KNOWLEDGE_", "BEDROCK_", "RECOGNITION_", "QCLI_", "QLI_", "OPS_", "CHATOPS_"];

    /// <summary>Configuration keys (environment variables) and the files that read them.</summary>
    public static IReadOnlyDictionary<string, string> ConfigurationKeys()
    {
        var keys = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Folders.SelectMany(RepositoryFiles.Sources))
        {
            var text = File.ReadAllText(file);
            // AWS_ENDPOINT_URL_{suffix}: the suffix literal itself (BEDROCK_RUNTIME) is no key.
            var suffixes = EndpointSuffix().Matches(text).Select(m => m.Groups["key"].Value).ToHashSet(StringComparer.Ordinal);
            var found = KeyUse().Matches(text).Select(m => m.Groups["key"].Value)
                .Concat(AnyLiteral().Matches(text).Select(m => m.Groups["key"].Value)
                    .Where(k => OwnPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)) && !suffixes.Contains(k)))
                .Concat(suffixes.Select(s => "AWS_ENDPOINT_URL_" + s));
            foreach (var key in found)
            {
                keys.TryAdd(key, RepositoryFiles.Relative(file));
            }
        }
        return keys;
    }

    /// <summary>IAM actions the code needs, each with the evidence found: AWS REST paths it calls and the DynamoDB
    /// client methods it uses.</summary>
    public static IReadOnlyDictionary<string, string> CalledActions()
    {
        var actions = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Folders.SelectMany(RepositoryFiles.Sources))
        {
            var text = File.ReadAllText(file);
            foreach (var (pattern, action) in RestCalls)
            {
                if (pattern.IsMatch(text))
                {
                    actions.TryAdd(action, $"{RepositoryFiles.Relative(file)} ({pattern})");
                }
            }
            foreach (Match m in DynamoDbCall().Matches(text))
            {
                actions.TryAdd("dynamodb:" + m.Groups["op"].Value, $"{RepositoryFiles.Relative(file)} ({m.Value})");
            }
        }
        return actions;
    }

    // REST paths of the services called over HttpClient, and the IAM action each needs.
    private static readonly (Regex Pattern, string Action)[] RestCalls =
    [
        (new Regex(@"functions/[^""]*/invocations", RegexOptions.Compiled), "lambda:InvokeFunction"),
        (new Regex(@"/converse""|/converse\b(?!-)|/invoke\b(?!-)", RegexOptions.Compiled), "bedrock:InvokeModel"),
        (new Regex(@"converse-stream|invoke-with-response-stream", RegexOptions.Compiled), "bedrock:InvokeModelWithResponseStream"),
        (new Regex(@"retrieveAndGenerate", RegexOptions.Compiled | RegexOptions.IgnoreCase), "bedrock:RetrieveAndGenerate"),
        (new Regex(@"/retrieve\b(?!And)", RegexOptions.Compiled), "bedrock:Retrieve"),
        (new Regex(@"guardrailConfiguration|guardrailIdentifier|guardrail/\{[^""]*/apply""", RegexOptions.Compiled), "bedrock:ApplyGuardrail"),
        (new Regex(@"secretsmanager\.GetSecretValue", RegexOptions.Compiled), "secretsmanager:GetSecretValue"),
    ];

    [GeneratedRegex(@"(?:\[\s*|GetValue(?:<[^>]+>)?\(\s*|GetSection\(\s*|GetEnvironmentVariable\(\s*|const\s+string\s+\w*Key\s*=\s*)""(?<key>[A-Z][A-Z0-9_]{2,})""")]
    private static partial Regex KeyUse();

    [GeneratedRegex(@"""(?<key>[A-Z][A-Z0-9]*_[A-Z0-9_]+)""")]
    private static partial Regex AnyLiteral();

    [GeneratedRegex(@"Endpoint\(\s*""(?<key>[A-Z][A-Z0-9_]*)""")]
    private static partial Regex EndpointSuffix();

    [GeneratedRegex(@"\b(?<op>GetItem|PutItem|DeleteItem|UpdateItem|Query|Scan|BatchGetItem|BatchWriteItem|TransactGetItems|TransactWriteItems|ConditionCheckItem)Async\(")]
    private static partial Regex DynamoDbCall();
}
