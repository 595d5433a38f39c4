using System.Text.Json.Nodes;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>IAM, state, background jobs and alarms.</summary>
public sealed partial class TemplateTests
{
    // Used by Lambda on the function's behalf with its role: writing its logs, sending failed async events to the
    // on-failure destination.
    private static readonly string[] RuntimeActions = ["logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage"];

    // RetrieveAndGenerate(Stream) generates with the caller's own permissions on the generation model.
    // RetrieveAndGenerate runs the retrieval (bedrock:Retrieve), the generation model and, when configured, the guardrail
    // under the caller's role, so those are needed although the code never calls them by name.
    private static readonly string[] ImpliedByKnowledgeBase =
        ["bedrock:Retrieve", "bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream", "bedrock:ApplyGuardrail"];


    [Fact]
    public void RoleAllowsExactlyTheActionsTheCodeCalls()
    {
        var called = SourceScan.CalledActions();
        Assert.Contains("lambda:InvokeFunction", called.Keys); // the scan itself works
        Assert.Contains("dynamodb:PutItem", called.Keys);
        var granted = Statements().SelectMany(s => SamTemplate.Strings(s["Action"])).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(called.Keys.Where(a => !granted.Contains(a)).Select(a => $"{a} (called in {called[a]})"));
        var allowed = called.Keys.Concat(RuntimeActions)
            .Concat(called.ContainsKey("bedrock:RetrieveAndGenerate") ? ImpliedByKnowledgeBase : []);
        Assert.Empty(granted.Except(allowed));
        Assert.DoesNotContain(granted, a => a.Contains('*', StringComparison.Ordinal));
    }

    [Fact]
    public void EveryStatementNamesItsResources()
    {
        var function = FunctionNameText();
        foreach (var statement in Statements())
        {
            Assert.Equal("Allow", statement["Effect"]?.ToString());
            foreach (var resource in SamTemplate.Strings(statement["Resource"]))
            {
                // The only wildcards: any version of this function, and the region of a foundation model reached
                // through a cross-region inference profile (the model itself is named).
                var rest = resource.Replace($"function:{function}:*", "", StringComparison.Ordinal)
                    .Replace(":bedrock:*::foundation-model/", "", StringComparison.Ordinal);
                Assert.DoesNotContain("*", rest, StringComparison.Ordinal);
            }
        }
        Assert.All(ResourcesFor("lambda:InvokeFunction"), r => Assert.Matches($@":function:{Escape(function)}(:\*)?$", r));
        var table = TableId();
        Assert.All(Statements().Where(s => SamTemplate.Strings(s["Action"]).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal))),
            s => Assert.Equal([$"GetAtt:{table}.Arn"], SamTemplate.Strings(s["Resource"])));
        Assert.Equal([$"GetAtt:{FailureQueueId()}.Arn"], ResourcesFor("sqs:SendMessage"));
        Assert.All(ResourcesFor("bedrock:InvokeModel"), r => Assert.Matches(@":(foundation-model|inference-profile)/\$\{", r));
        // The one platform secret, by name (Secrets Manager appends -XXXXXX to the name in its ARN).
        Assert.Equal(
            ["arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:${SecretsName}-??????"],
            ResourcesFor("secretsmanager:GetSecretValue"));
        Assert.All(ResourcesFor("bedrock:RetrieveAndGenerate"), r => Assert.Contains(":knowledge-base/${KnowledgeBaseId}", r, StringComparison.Ordinal));
    }

    [Fact]
    public void StateTableMatchesTheStore()
    {
        var id = TableId();
        var props = _template.Resources[id]!["Properties"]!;
        Assert.Equal("PAY_PER_REQUEST", props["BillingMode"]?.ToString());
        Assert.Equal("""[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}]""", props["KeySchema"]!.ToJsonString());
        Assert.All(props["AttributeDefinitions"]!.AsArray(), a => Assert.Equal("S", a!["AttributeType"]?.ToString()));
        Assert.Equal("expiresAt", props["TimeToLiveSpecification"]?["AttributeName"]?.ToString());
        Assert.Equal("true", props["TimeToLiveSpecification"]?["Enabled"]?.ToString());
        Assert.Equal("true", props["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"]?.ToString());
        var store = File.ReadAllText(RepositoryFiles.Path("src", "LarkBotAdapter", "State", "DynamoDbStateStore.cs"));
        Assert.All(new[] { "\"pk\"", "\"sk\"", "\"expiresAt\"" }, name => Assert.Contains(name, store, StringComparison.Ordinal));
    }

    [Fact]
    public void FailedJobsAreRetriedAFewTimesThenKeptAndAlarmed()
    {
        var config = _template.ResourcesOfType("AWS::Lambda::EventInvokeConfig").Single().Resource["Properties"]!;
        var functionId = _template.Function.Id;
        Assert.Equal(functionId, config["FunctionName"]?["Ref"]?.ToString());
        // Jobs invoke the running version (LambdaJobDispatcher's Qualifier), so the config belongs to that version.
        Assert.Contains($"\"Ref\":\"{functionId}.Version\"", config["Qualifier"]!.ToJsonString(), StringComparison.Ordinal);
        var retries = config["MaximumRetryAttempts"];
        Assert.InRange(int.Parse(_template.Resolve(retries)!), 0, 2);
        if (retries?["Ref"] is { } parameter)
        {
            Assert.InRange(int.Parse(_template.Parameters[parameter.ToString()]!["MaxValue"]!.ToString()), 0, 2);
        }
        Assert.NotNull(_template.Resolve(config["MaximumEventAgeInSeconds"]));
        var queue = FailureQueueId();
        var alarms = _template.ResourcesOfType("AWS::CloudWatch::Alarm").Select(a => a.Resource["Properties"]!.ToJsonString()).ToList();
        Assert.Contains(alarms, a => a.Contains("ApproximateNumberOfMessagesVisible", StringComparison.Ordinal) && a.Contains($"\"{queue}\"", StringComparison.Ordinal));
        Assert.Contains(alarms, a => a.Contains("\"Errors\"", StringComparison.Ordinal) && a.Contains($"\"Ref\":\"{functionId}\"", StringComparison.Ordinal));
    }

    private IEnumerable<JsonObject> Statements()
    {
        var role = _template.FunctionProperties["Role"]?["Fn::GetAtt"]?[0]?.ToString()
                   ?? throw new InvalidOperationException("The function must use the template's own role (Role: !GetAtt X.Arn).");
        return _template.RoleStatements(role);
    }

    private List<string> ResourcesFor(string action) =>
        [.. Statements().Where(s => SamTemplate.Strings(s["Action"]).Contains(action)).SelectMany(s => SamTemplate.Strings(s["Resource"]))];

    // The function's name as it appears inside an !Sub ARN.
    private string FunctionNameText() => _template.FunctionProperties["FunctionName"] switch
    {
        JsonObject o when o["Ref"] is { } r => "${" + r + "}",
        JsonValue v => v.ToString(),
        var other => throw new InvalidOperationException($"FunctionName must be fixed for the role to name it: {other?.ToJsonString()}"),
    };

    private string TableId() => _template.Environment["CHATOPS_STATE_TABLE"]?["Ref"]?.ToString()
        ?? throw new InvalidOperationException("CHATOPS_STATE_TABLE must be !Ref of the template's table.");

    private string FailureQueueId() =>
        _template.ResourcesOfType("AWS::Lambda::EventInvokeConfig").Single().Resource["Properties"]!["DestinationConfig"]!["OnFailure"]!["Destination"]!["Fn::GetAtt"]![0]!.ToString();

    private static string Escape(string text) => System.Text.RegularExpressions.Regex.Escape(text);
}
