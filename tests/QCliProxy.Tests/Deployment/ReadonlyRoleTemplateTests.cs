using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatOps.LarkBotAdapter.Tests.Deployment;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>
/// deploy/qcli-proxy/readonly-role.yaml, the role each read-only profile assumes: ViewOnlyAccess and nothing else
/// allowed, explicit denies on the reads that return secrets, and a trust policy that names one principal.
/// </summary>
public sealed class ReadonlyRoleTemplateTests
{
    private static readonly string Root = RepositoryRoot();
    private static readonly JsonObject Template = CfnYaml.Load(Path.Combine(Root, "deploy", "qcli-proxy", "readonly-role.yaml"));

    // The reads issue 20 names, which every role must refuse whatever else is attached to it.
    public static TheoryData<string> SecretRevealingReads => new()
    {
        "lambda:GetFunctionConfiguration", "lambda:GetFunction", "ecs:DescribeTaskDefinition", "ec2:DescribeInstanceAttribute",
        "ec2:GetLaunchTemplateData", "ec2:DescribeLaunchTemplateVersions", "cloudformation:GetTemplate", "glue:GetConnection",
        "glue:GetConnections", "ecr:GetAuthorizationToken", "secretsmanager:GetSecretValue", "secretsmanager:BatchGetSecretValue",
        "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory", "kms:Decrypt",
        "codebuild:BatchGetProjects", "apprunner:DescribeService", "elasticbeanstalk:DescribeConfigurationSettings",
    };

    [Fact]
    public void RoleCarriesTheViewOnlyAccessManagedPolicyAndNoOther()
    {
        var arns = Role()["ManagedPolicyArns"]!.AsArray();

        var only = Assert.Single(arns);
        Assert.Equal("arn:${AWS::Partition}:iam::aws:policy/job-function/ViewOnlyAccess", only!["Fn::Sub"]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(SecretRevealingReads))]
    public void SecretRevealingReadIsExplicitlyDeniedOnEveryResource(string action)
    {
        var denying = Statements().Where(s => Effect(s) == "Deny" && Actions(s).Contains(action, StringComparer.Ordinal)).ToList();

        var statement = Assert.Single(denying);
        Assert.Equal("*", statement["Resource"]!.GetValue<string>());
        Assert.Null(statement["Condition"]);
        Assert.Null(statement["NotAction"]);
    }

    [Fact]
    public void NoAllowStatementGrantsADeniedRead()
    {
        var denied = Statements().Where(s => Effect(s) == "Deny").SelectMany(Actions).ToList();
        var allows = Statements().Where(s => Effect(s) != "Deny").ToList();

        Assert.All(allows, s => Assert.Null(s["NotAction"]));
        foreach (var pattern in allows.SelectMany(Actions))
        {
            var grants = new Regex("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            Assert.DoesNotContain(denied, grants.IsMatch);
        }
    }

    [Fact]
    public void TrustPolicyLetsOnlyTheNamedPrincipalAssumeTheRole()
    {
        var trust = Role()["AssumeRolePolicyDocument"]!["Statement"]!.AsArray().Select(s => s!.AsObject()).ToList();

        var statement = Assert.Single(trust);
        Assert.Equal("Allow", Effect(statement));
        Assert.Equal(["sts:AssumeRole"], Actions(statement));
        Assert.Equal("TrustedPrincipalArn", statement["Principal"]!["AWS"]!["Ref"]!.GetValue<string>());
        var pattern = new Regex(Template["Parameters"]!["TrustedPrincipalArn"]!["AllowedPattern"]!.GetValue<string>());
        Assert.Matches(pattern, "arn:aws:iam::111111111111:role/qcli-proxy");
        Assert.Matches(pattern, "arn:aws:iam::111111111111:root");
        Assert.DoesNotMatch(pattern, "*");
        Assert.DoesNotMatch(pattern, "arn:aws:iam::*:root");
    }

    [Fact]
    public void TemplateTakesTheRoleNameAndSessionLengthAndOutputsTheRoleArn()
    {
        Assert.Equal("RoleName", Role()["RoleName"]!["Ref"]!.GetValue<string>());
        Assert.Equal("MaxSessionDuration", Role()["MaxSessionDuration"]!["Ref"]!.GetValue<string>());
        Assert.Equal(["ReadOnlyRole", "Arn"], Template["Outputs"]!["RoleArn"]!["Value"]!["Fn::GetAtt"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    // A misspelt action is silently ignored by IAM, so each one must be a real operation (list: TestData, from botocore).
    [Fact]
    public void EveryDeniedActionIsARealAwsOperation()
    {
        var known = File.ReadLines(Path.Combine(Root, "tests", "QCliProxy.Tests", "Deployment", "TestData", "aws-read-operations.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet(StringComparer.Ordinal);
        var denied = Statements().Where(s => Effect(s) == "Deny").SelectMany(Actions).ToList();

        Assert.True(denied.Count >= 20, $"only {denied.Count} denied actions");
        Assert.All(denied, action => Assert.Contains(action, known));
    }

    private static JsonObject Role() =>
        Template["Resources"]!.AsObject().Single(r => r.Value!["Type"]!.GetValue<string>() == "AWS::IAM::Role").Value!["Properties"]!.AsObject();

    // Every statement of the role's inline policies and of any other policy resource in the template.
    private static IEnumerable<JsonObject> Statements()
    {
        var inline = (Role()["Policies"]?.AsArray() ?? []).Select(p => p!["PolicyDocument"]!);
        var standalone = Template["Resources"]!.AsObject().Select(r => r.Value!)
            .Where(r => r["Type"]!.GetValue<string>() is "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy")
            .Select(r => r["Properties"]!["PolicyDocument"]!);
        return inline.Concat(standalone).SelectMany(d => d["Statement"]!.AsArray()).Select(s => s!.AsObject());
    }

    private static string Effect(JsonObject statement) => statement["Effect"]!.GetValue<string>();

    private static List<string> Actions(JsonObject statement) => statement["Action"] switch
    {
        JsonArray many => [.. many.Select(a => a!.GetValue<string>())],
        JsonValue one => [one.GetValue<string>()],
        _ => [],
    };

    private static string RepositoryRoot()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(root.FullName, "ChatOps.sln")))
        {
            root = root.Parent ?? throw new InvalidOperationException("ChatOps.sln not found above the test binaries");
        }
        return root.FullName;
    }
}
