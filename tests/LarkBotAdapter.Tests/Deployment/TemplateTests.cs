using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ChatOps.LarkBotAdapter.Secrets;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>template.yaml checked against the code: variables, routes, the Web Adapter settings, the function.</summary>
public sealed partial class TemplateTests
{
    // Read by the code but deliberately not set by the template.
    private static readonly string[] NotDeployed =
    [
        // Set by Lambda itself.
        "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_VERSION",
        // Only for the in-process worker (a long-running host); Lambda hands jobs off by self-invocation.
        "CHATOPS_WORKER_CONCURRENCY", "CHATOPS_WORKER_QUEUE", "CHATOPS_DRAIN_TIMEOUT_SECONDS",
        // Opens /events off Lambda; on Lambda it is always open to the Web Adapter.
        "CHATOPS_EVENTS_ENDPOINT",
        // Tuning with safe defaults, set by tests.
        "CHATOPS_REPLY_RETRY_DELAY_MS",
        "CHATOPS_SECRET_REFRESH_SECONDS", "SLACK_POST_INTERVAL_MS", "QCLI_PROXY_CONNECT_ATTEMPTS", "QCLI_PROXY_RETRY_DELAY_MS", "QCLI_PROXY_HEADERS_TIMEOUT_SECONDS",
        // Not a variable: the RetrieveAndGenerate configuration type.
        "KNOWLEDGE_BASE",
        // A folder on the machine running embedded mode; Lambda uses the Bedrock knowledge base.
        "KNOWLEDGE_LOCAL_PATH",
        // The caller's shell folder, for a relative path given to `classify --eval` (embedded mode only).
        "PWD",
        // Read by ask's laptop route (embedded mode only) on the machine running it.
        "HOME", "PATH", "XDG_CACHE_HOME", "AWS_PROFILE", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "DOTNET_HOST_PATH",
    ];

    // Whole families not deployed: endpoint overrides (tests, VPC endpoints) and outbound HTTP tuning.
    private static readonly string[] NotDeployedPrefixes = ["AWS_ENDPOINT_URL", "CHATOPS_HTTP_"];

    // Set by the template for the Web Adapter and ASP.NET Core, not read by the app's own code.
    private static readonly string[] ForTheRuntime =
    [
        "AWS_LAMBDA_EXEC_WRAPPER", "AWS_LWA_PORT", "AWS_LWA_READINESS_CHECK_PATH", "AWS_LWA_PASS_THROUGH_PATH",
        "AWS_LWA_ERROR_STATUS_CODES", "ASPNETCORE_HTTP_PORTS",
    ];

    private static readonly string[] Secrets =
    [
        "LARK_APP_SECRET", "LARK_ENCRYPT_KEY", "LARK_VERIFICATION_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN", "QCLI_PROXY_SECRET",
    ];

    private readonly SamTemplate _template = SamTemplate.Load();

    [Fact]
    public void EveryVariableTheCodeReadsIsSet()
    {
        var read = SourceScan.ConfigurationKeys();
        Assert.Contains("LARK_APP_ID", read.Keys); // the scan itself works
        var missing = read
            // The platform secrets come from Secrets Manager at run time (checked below), not from the environment.
            .Where(k => !_template.Environment.ContainsKey(k.Key) && !NotDeployed.Contains(k.Key) && !Secrets.Contains(k.Key)
                        && !NotDeployedPrefixes.Any(p => k.Key.StartsWith(p, StringComparison.Ordinal)))
            .Select(k => $"{k.Key} (read in {k.Value})");
        Assert.Empty(missing);
    }

    [Fact]
    public void TemplateSetsNoVariableTheCodeDoesNotRead()
    {
        var read = SourceScan.ConfigurationKeys();
        var unknown = _template.Environment.Keys
            .Where(k => !read.ContainsKey(k) && !ForTheRuntime.Contains(k));
        Assert.Empty(unknown);
    }

    [Fact]
    public void SecretsAreReadAtRunTimeOnlyForEnabledPlatformsAndNeverPutInTheFunctionConfiguration()
    {
        // Nothing resolves a secret into the environment, where lambda:GetFunctionConfiguration would show it.
        Assert.DoesNotContain("resolve:secretsmanager", File.ReadAllText(RepositoryFiles.Path("template.yaml")), StringComparison.Ordinal);
        Assert.DoesNotContain(Secrets, _template.Environment.ContainsKey);
        Assert.Equal(Secrets.Order(StringComparer.Ordinal), PlatformSecrets.Names.Order(StringComparer.Ordinal)); // what the app takes from the secret
        var id = Assert.IsType<JsonArray>(_template.Environment[PlatformSecrets.IdKey]?["Fn::If"], exactMatch: false);
        Assert.Equal("NeedsSecret", id[0]!.GetValue<string>());
        Assert.Equal(["Ref:SecretsName"], SamTemplate.Strings(id[1]));
        // CHATOPS_SECRET_KEYS: each platform's keys under that platform's condition, so a missing one fails start-up.
        var keys = Assert.IsType<JsonArray>(_template.Environment[PlatformSecrets.KeysKey]?["Fn::If"], exactMatch: false);
        Assert.Equal("NeedsSecret", keys[0]!.GetValue<string>());
        var parts = keys[1]!["Fn::Sub"]![1]!.AsObject().ToDictionary(
            p => p.Value!["Fn::If"]![0]!.GetValue<string>(),
            p => p.Value!["Fn::If"]![1]!.GetValue<string>().Split(',', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["LARK_APP_SECRET", "LARK_ENCRYPT_KEY", "LARK_VERIFICATION_TOKEN"], parts["LarkEnabled"]);
        Assert.Equal(["SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN"], parts["SlackEnabled"]);
        Assert.Equal(["QCLI_PROXY_SECRET"], parts["OpsEnabled"]);
        // No secret may be typed in as a parameter instead.
        Assert.DoesNotContain(_template.Parameters, p => p.Value?["NoEcho"] is not null
            || new[] { "Secret", "Token", "Key" }.Any(word => p.Key.EndsWith(word, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task EveryPlatformEndpointHasARouteAndNothingElseIsRouted()
    {
        var app = await AppRoutes.DiscoverAsync();
        Assert.Contains("POST /lark/events", app);
        foreach (var infrastructure in AppRoutes.Infrastructure)
        {
            Assert.Contains(infrastructure, app);
        }
        var platform = app.Except(AppRoutes.Infrastructure).ToHashSet(StringComparer.Ordinal);
        var routes = _template.EventRoutes().ToList();
        Assert.All(routes, r => Assert.Equal("HttpApi", r.Type));
        var routed = routes.Select(r => r.Route).ToHashSet(StringComparer.Ordinal);
        Assert.Empty(platform.Except(routed));
        Assert.Empty(routed.Except(platform));
        Assert.DoesNotContain(routed, r => AppRoutes.Infrastructure.Contains(r) || r.Contains('{', StringComparison.Ordinal));
        // One HTTP API, defined only by those events (no OpenAPI body that could add routes).
        var api = Assert.Single(_template.ResourcesOfType("AWS::Serverless::HttpApi"));
        Assert.Null(api.Resource["Properties"]?["DefinitionBody"]);
        Assert.Null(api.Resource["Properties"]?["DefinitionUri"]);
        Assert.Empty(_template.ResourcesOfType("AWS::ApiGatewayV2::Route"));
        Assert.Empty(_template.ResourcesOfType("AWS::Serverless::Api"));
    }

    [Fact]
    public async Task WebAdapterSettingsMatchTheApp()
    {
        var app = await AppRoutes.DiscoverAsync();
        Assert.Equal("/opt/bootstrap", _template.Literal("AWS_LAMBDA_EXEC_WRAPPER"));
        Assert.Equal(_template.Literal("AWS_LWA_PORT"), _template.Literal("ASPNETCORE_HTTP_PORTS"));
        Assert.Contains("GET " + _template.Literal("AWS_LWA_READINESS_CHECK_PATH"), app);
        Assert.Contains("POST " + _template.Literal("AWS_LWA_PASS_THROUGH_PATH"), app);
        // /events answers 500 when a job failed (Lambda must retry it) and 4xx for jobs a retry cannot fix.
        var failing = ErrorStatusCodes(_template.Literal("AWS_LWA_ERROR_STATUS_CODES")!);
        Assert.Contains(500, failing);
        Assert.DoesNotContain(failing, code => code < 500);
    }

    [Fact]
    public void FunctionIsTheApphostOnTheWebAdapterWithSnapStartBehindTheAlias()
    {
        var (id, resource) = _template.Function;
        var props = _template.FunctionProperties;
        var csproj = XDocument.Load(RepositoryFiles.Path("src", "LarkBotAdapter", "LarkBotAdapter.csproj"));
        Assert.Equal(csproj.Descendants("AssemblyName").Single().Value, props["Handler"]?.ToString());
        Assert.Equal("dotnet10", props["Runtime"]?.ToString());
        Assert.Equal("[\"x86_64\"]", props["Architectures"]?.ToJsonString());
        Assert.Equal(".", props["CodeUri"]?.ToString());
        Assert.Equal("makefile", resource["Metadata"]?["BuildMethod"]?.ToString());
        Assert.Contains($"build-{id}:", File.ReadAllLines(RepositoryFiles.Path("Makefile")));
        var layer = Assert.Single(SamTemplate.Strings(props["Layers"]));
        Assert.Matches(@"^arn:\$\{AWS::Partition\}:lambda:\$\{AWS::Region\}:753240598075:layer:LambdaAdapterLayerX86:\$\{\w+\}$", layer);
        Assert.Equal("live", props["AutoPublishAlias"]?.ToString());
        Assert.Equal("PublishedVersions", props["SnapStart"]?["ApplyOn"]?.ToString());
        Assert.Equal("600", _template.Resolve(props["Timeout"]));
        Assert.Equal("512", _template.Resolve(props["MemorySize"]));
        Assert.True(int.Parse(_template.Resolve(_template.Environment["CHATOPS_ANSWER_TIMEOUT_SECONDS"])!) < 600);
    }

    [Fact]
    public void WebAdapterLayerDefaultsToVersion30WhichIsV110()
    {
        var layer = Assert.Single(SamTemplate.Strings(_template.FunctionProperties["Layers"]));
        var parameter = _template.Parameters[Regex.Match(layer, @"\$\{(\w+)\}$").Groups[1].Value]!;

        Assert.Equal("30", parameter["Default"]?.ToString());
        Assert.Contains("v1.1.0", parameter["Description"]?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReservedConcurrencyIsAParameterThatLeavesTheFunctionUnreservedByDefault()
    {
        var reserved = _template.FunctionProperties["ReservedConcurrentExecutions"]?["Fn::If"]?.AsArray();

        Assert.NotNull(reserved);
        var (condition, parameter) = (reserved[0]!.ToString(), reserved[1]?["Ref"]?.ToString());
        Assert.Equal("AWS::NoValue", reserved[2]?["Ref"]?.ToString());
        Assert.NotNull(parameter);
        Assert.Equal("", _template.Parameters[parameter]?["Default"]?.ToString());
        var test = _template.Root["Conditions"]?[condition]?.ToJsonString() ?? "";
        Assert.Contains($"[{{\"Ref\":\"{parameter}\"}},\"\"]", test, StringComparison.Ordinal);
        Assert.Contains($"[{{\"Ref\":\"{parameter}\"}},\"0\"]", test, StringComparison.Ordinal);
    }

    private static HashSet<int> ErrorStatusCodes(string value) =>
        [.. value.Split(',').SelectMany(part => part.Split('-') is [var from, var to]
            ? Enumerable.Range(int.Parse(from), int.Parse(to) - int.Parse(from) + 1)
            : [int.Parse(part)])];
}
