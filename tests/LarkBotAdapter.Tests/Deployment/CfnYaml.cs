using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>Reads a CloudFormation/SAM YAML template into plain JSON nodes: short-form tags (<c>!Ref X</c>,
/// <c>!GetAtt A.B</c>, <c>!Sub</c>, <c>!If</c>, ...) become their long form (<c>{"Ref": "X"}</c>,
/// <c>{"Fn::GetAtt": ["A", "B"]}</c>, ...), as CloudFormation itself reads them. Scalars stay strings.</summary>
public static class CfnYaml
{
    public static JsonObject Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return Convert(stream.Documents.Single().RootNode) as JsonObject
               ?? throw new InvalidDataException($"{path} is not a YAML mapping.");
    }

    private static JsonNode? Convert(YamlNode node)
    {
        JsonNode? plain = node switch
        {
            YamlScalarNode scalar => scalar.Value is null ? null : JsonValue.Create(scalar.Value),
            YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
            YamlMappingNode mapping => Mapping(mapping),
            _ => throw new InvalidDataException($"Unsupported YAML node at {node.Start}."),
        };
        return node.Tag.IsEmpty || node.Tag.Value.StartsWith("tag:yaml.org", StringComparison.Ordinal)
            ? plain
            : Tagged(node.Tag.Value, plain, node);
    }

    private static JsonObject Mapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            result[((YamlScalarNode)key).Value!] = Convert(value);
        }
        return result;
    }

    private static JsonObject Tagged(string tag, JsonNode? value, YamlNode node)
    {
        var name = tag.TrimStart('!');
        return name switch
        {
            "Ref" => new JsonObject { ["Ref"] = value },
            "Condition" => new JsonObject { ["Condition"] = value },
            // !GetAtt Resource.Attribute is the short form of ["Resource", "Attribute"].
            "GetAtt" when value is JsonValue text => new JsonObject
            {
                ["Fn::GetAtt"] = new JsonArray([.. text.GetValue<string>().Split('.', 2).Select(p => (JsonNode)JsonValue.Create(p))]),
            },
            "Base64" or "Cidr" or "FindInMap" or "GetAtt" or "GetAZs" or "ImportValue" or "Join" or "Select" or "Split"
                or "Sub" or "Transform" or "And" or "Equals" or "If" or "Not" or "Or" or "ToJsonString" or "Length"
                => new JsonObject { ["Fn::" + name] = value },
            _ => throw new InvalidDataException($"Unknown CloudFormation tag {tag} at {node.Start}."),
        };
    }
}
