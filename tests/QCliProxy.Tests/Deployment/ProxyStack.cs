using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.LarkBotAdapter.Tests.Deployment;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>deploy/qcli-proxy/template.yaml (the proxy fleet's stack) read as CloudFormation reads it, with the
/// lookups the stack tests share.</summary>
public sealed partial class ProxyStack
{
    private ProxyStack(JsonObject root) => Root = root;

    public static string RepositoryRoot { get; } = FindRoot();

    public static string KitPath(params string[] parts) => Path.Combine([RepositoryRoot, "deploy", "qcli-proxy", .. parts]);

    public JsonObject Root { get; }

    public JsonObject Parameters => Root["Parameters"]!.AsObject();

    public JsonObject Resources => Root["Resources"]!.AsObject();

    public static ProxyStack Load() => new(CfnYaml.Load(KitPath("template.yaml")));

    public JsonObject Resource(string id) => Resources[id]?.AsObject() ?? throw new InvalidOperationException($"no resource {id}");

    public JsonObject Properties(string id) => Resource(id)["Properties"]!.AsObject();

    public IEnumerable<(string Id, JsonObject Resource)> OfType(string type) =>
        Resources.Where(r => r.Value!["Type"]!.GetValue<string>() == type).Select(r => (r.Key, r.Value!.AsObject()));

    /// <summary>The single resource of a type and its logical id.</summary>
    public (string Id, JsonObject Properties) Single(string type)
    {
        var (id, resource) = Assert.Single(OfType(type));
        return (id, resource["Properties"]!.AsObject());
    }

    public int NumberDefault(string parameter) => int.Parse(Parameters[parameter]!["Default"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);

    public int NumberMin(string parameter) => int.Parse(Parameters[parameter]!["MinValue"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The launch template's user data: the !Sub text and its variable map.</summary>
    public (string Text, JsonObject Variables) UserData()
    {
        var data = Properties(Single("AWS::EC2::LaunchTemplate").Id)["LaunchTemplateData"]!["UserData"]!["Fn::Base64"]!["Fn::Sub"]!.AsArray();
        return (data[0]!.GetValue<string>(), data[1]!.AsObject());
    }

    /// <summary>The user data as an instance receives it, with every ${Name} replaced by standIn(Name) and the
    /// ${!literal} escapes turned back into ${literal}.</summary>
    public string RenderedUserData(Func<string, string> standIn) =>
        SubVariable().Replace(UserData().Text, m => m.Groups[1].Value.StartsWith('!')
            ? "${" + m.Groups[1].Value[1..] + "}"
            : standIn(m.Groups[1].Value));

    /// <summary>Logical ids a value refers to (Ref, GetAtt, and the names inside Sub strings).</summary>
    public static IEnumerable<string> Refs(JsonNode? node) => node switch
    {
        JsonObject o when o["Ref"] is JsonValue r => [r.GetValue<string>()],
        JsonObject o when o["Fn::GetAtt"] is JsonArray a => [a[0]!.GetValue<string>()],
        JsonObject o => o.SelectMany(p => Refs(p.Value)),
        JsonArray a => a.SelectMany(Refs),
        JsonValue v when v.TryGetValue<string>(out var s) => SubVariable().Matches(s).Select(m => m.Groups[1].Value.Split('.')[0]),
        _ => [],
    };

    [GeneratedRegex(@"\$\{([!A-Za-z0-9_:.#@\[\]-]+)\}")]
    private static partial Regex SubVariable();

    private static string FindRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ChatOps.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("ChatOps.sln not found above the test binaries");
        }
        return root.FullName;
    }
}
