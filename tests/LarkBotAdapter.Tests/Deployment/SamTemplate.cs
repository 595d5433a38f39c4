using System.Text.Json.Nodes;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>template.yaml at the repository root, with the lookups the deployment tests need.</summary>
public sealed class SamTemplate
{
    private SamTemplate(JsonObject root) => Root = root;

    public JsonObject Root { get; }

    public JsonObject Resources => Root["Resources"]!.AsObject();

    public JsonObject Parameters => Root["Parameters"]?.AsObject() ?? [];

    public static SamTemplate Load() => new(CfnYaml.Load(RepositoryFiles.Path("template.yaml")));

    /// <summary>The single <c>AWS::Serverless::Function</c> (the app) and its logical id.</summary>
    public (string Id, JsonObject Resource) Function => ResourcesOfType("AWS::Serverless::Function").Single();

    public JsonObject FunctionProperties => Function.Resource["Properties"]!.AsObject();

    /// <summary>The function's variables (Globals first, the function's own win).</summary>
    public IReadOnlyDictionary<string, JsonNode?> Environment
    {
        get
        {
            var result = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
            var global = Root["Globals"]?["Function"]?["Environment"]?["Variables"]?.AsObject();
            var own = FunctionProperties["Environment"]?["Variables"]?.AsObject();
            foreach (var (key, value) in (global ?? []).Concat(own ?? []))
            {
                result[key] = value;
            }
            return result;
        }
    }

    /// <summary>A variable's value when it is a plain string (null otherwise).</summary>
    public string? Literal(string variable) =>
        Environment.TryGetValue(variable, out var value) && value is JsonValue v ? v.GetValue<string>() : null;

    public IEnumerable<(string Id, JsonObject Resource)> ResourcesOfType(string type) =>
        Resources.Where(r => r.Value?["Type"]?.GetValue<string>() == type).Select(r => (r.Key, r.Value!.AsObject()));

    /// <summary>Every route of every function event (<c>"POST /lark/events"</c>), by event type.</summary>
    public IEnumerable<(string Type, string Route)> EventRoutes() =>
        from fn in ResourcesOfType("AWS::Serverless::Function")
        from e in fn.Resource["Properties"]?["Events"]?.AsObject() ?? []
        let type = e.Value!["Type"]!.GetValue<string>()
        let props = e.Value["Properties"]
        select (type, $"{props?["Method"]?.GetValue<string>().ToUpperInvariant()} {props?["Path"]?.GetValue<string>()}");

    /// <summary>The default of a parameter named by <c>{"Ref": name}</c>, or the literal itself.</summary>
    public string? Resolve(JsonNode? node) => node switch
    {
        JsonValue v => v.ToString(),
        JsonObject o when o["Ref"] is JsonValue r && Parameters[r.GetValue<string>()] is { } p => p["Default"]?.ToString(),
        _ => null,
    };

    /// <summary>Every IAM statement of the role's inline policies, both branches of an <c>Fn::If</c> included.</summary>
    public IReadOnlyList<JsonObject> RoleStatements(string roleId) =>
        [.. (Resources[roleId]!["Properties"]!["Policies"]?.AsArray() ?? [])
            .SelectMany(p => Branches(p!["PolicyDocument"]!["Statement"]))
            .SelectMany(s => s is JsonArray list ? list.SelectMany(Branches) : Branches(s))
            .OfType<JsonObject>()];

    /// <summary>The leaves of a value: both branches of <c>Fn::If</c>, without <c>AWS::NoValue</c>.</summary>
    public static IEnumerable<JsonNode> Branches(JsonNode? node)
    {
        if (node is null || IsNoValue(node))
        {
            yield break;
        }
        if (node is JsonObject o && o["Fn::If"] is JsonArray branches)
        {
            foreach (var leaf in Branches(branches[1]).Concat(Branches(branches[2])))
            {
                yield return leaf;
            }
            yield break;
        }
        yield return node;
    }

    /// <summary>The strings an IAM value can become: list items, <c>Fn::If</c> branches, the <c>Fn::Sub</c> text,
    /// <c>GetAtt:Id.Attr</c> and <c>Ref:Id</c> for references.</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => Branches(node).SelectMany(leaf => leaf switch
    {
        JsonArray list => list.SelectMany(Strings),
        JsonValue v => [v.GetValue<string>()],
        JsonObject o when o["Fn::Sub"] is JsonValue text => [text.GetValue<string>()],
        JsonObject o when o["Fn::Sub"] is JsonArray form => [form[0]!.GetValue<string>()],
        JsonObject o when o["Fn::GetAtt"] is JsonArray att => [$"GetAtt:{att[0]}.{att[1]}"],
        JsonObject o when o["Ref"] is JsonValue r => [$"Ref:{r}"],
        _ => [leaf.ToJsonString()],
    });

    private static bool IsNoValue(JsonNode node) => node is JsonObject o && o["Ref"]?.ToString() == "AWS::NoValue";
}
