using System.Text.Json.Nodes;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>deploy/qcli-proxy/template.yaml: who may reach what, what the instance role may do, where the secrets
/// come from, and the shared state's file system (issue 22, item 3).</summary>
public sealed class ProxyStackSecurityTests
{
    private readonly ProxyStack _stack = ProxyStack.Load();

    [Fact]
    public void EachHopAdmitsOnlyTheOneBeforeItOnOnePort()
    {
        var balancer = Ingress("LoadBalancerSecurityGroup");
        var instances = Ingress("InstanceSecurityGroup");
        var fileSystem = Ingress("FileSystemSecurityGroup");

        Assert.Equal(("tcp", "443", "443", "LambdaSecurityGroupId"), Assert.Single(balancer));
        Assert.Equal(("tcp", "ProxyPort", "ProxyPort", "LoadBalancerSecurityGroup"), Assert.Single(instances));
        Assert.Equal(("tcp", "2049", "2049", "InstanceSecurityGroup"), Assert.Single(fileSystem));
        Assert.Equal(["LoadBalancerSecurityGroup"], ProxyStack.Refs(_stack.Single("AWS::ElasticLoadBalancingV2::LoadBalancer").Properties["SecurityGroups"]));
        Assert.Equal(["InstanceSecurityGroup"], ProxyStack.Refs(_stack.Single("AWS::EC2::LaunchTemplate").Properties["LaunchTemplateData"]!["SecurityGroupIds"]));
        Assert.All(_stack.OfType("AWS::EFS::MountTarget"), m => Assert.Equal(["FileSystemSecurityGroup"], ProxyStack.Refs(m.Resource["Properties"]!["SecurityGroups"])));
    }

    [Fact]
    public void InstanceRoleMayAssumeOnlyTheGivenReadOnlyRoles()
    {
        var role = _stack.Single("AWS::IAM::Role").Properties;
        var statements = role["Policies"]!.AsArray().SelectMany(p => p!["PolicyDocument"]!["Statement"]!.AsArray()).Select(s => s!.AsObject()).ToList();

        Assert.Null(role["ManagedPolicyArns"]);
        Assert.All(statements, s => Assert.Equal("Allow", s["Effect"]!.ToString()));
        Assert.All(statements.SelectMany(Actions), a => Assert.DoesNotContain("*", a, StringComparison.Ordinal));
        var assume = Assert.Single(statements, s => Actions(s).Any(a => a.StartsWith("sts:", StringComparison.Ordinal)));
        Assert.Equal(["sts:AssumeRole"], Actions(assume));
        Assert.Equal("ReadOnlyRoleArns", assume["Resource"]!["Ref"]!.ToString());
        var secrets = Assert.Single(statements, s => Actions(s).Any(a => a.StartsWith("secretsmanager:", StringComparison.Ordinal)));
        Assert.Equal(["secretsmanager:GetSecretValue"], Actions(secrets));
        Assert.Equal(["ProxySecretArn", "KiroApiKeySecretArn"], ProxyStack.Refs(secrets["Resource"]));
        var logs = Assert.Single(statements, s => Actions(s).Any(a => a.StartsWith("logs:", StringComparison.Ordinal)));
        Assert.Equal(["ProxyLogGroup", "ProxyLogGroup", "ProxyMetricsLogGroup", "ProxyMetricsLogGroup"], ProxyStack.Refs(logs["Resource"]));
        // The one "*" resource: metric data, held to the two namespaces by a condition.
        var anyResource = Assert.Single(statements, s => s["Resource"] is JsonValue v && v.ToString() == "*");
        Assert.Equal(["cloudwatch:PutMetricData"], Actions(anyResource));
        Assert.NotNull(anyResource["Condition"]!["StringEquals"]!["cloudwatch:namespace"]);
    }

    [Fact]
    public void NoSecretValueIsInTheTemplateOrTheUserData()
    {
        var template = File.ReadAllText(ProxyStack.KitPath("template.yaml"));
        var (userData, _) = _stack.UserData();

        Assert.DoesNotContain("{{resolve:", template, StringComparison.Ordinal);
        Assert.All(_stack.Parameters, p => Assert.Null(p.Value!["NoEcho"]));
        // The secrets are named by ARN: the user data writes the ARNs to secrets.conf, the value never.
        Assert.Contains("printf 'AWS_REGION=%s\\nQCLI_PROXY_SECRET=%s\\nKIRO_API_KEY=%s\\n' '${AWS::Region}' '${ProxySecretArn}' '${KiroApiKeySecretArn}' > /etc/qcli-proxy/secrets.conf", userData, StringComparison.Ordinal);
        Assert.Contains("sed -e '/^QCLI_PROXY_SECRET=/d'", userData, StringComparison.Ordinal);
        Assert.DoesNotContain("get-secret-value", userData, StringComparison.Ordinal);
        Assert.StartsWith("^arn:aws[a-z-]*:secretsmanager:", _stack.Parameters["ProxySecretArn"]!["AllowedPattern"]!.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("^arn:aws[a-z-]*:secretsmanager:", _stack.Parameters["KiroApiKeySecretArn"]!["AllowedPattern"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void StateFileSystemIsEncryptedTlsOnlyAndMountedThroughItsAccessPoint()
    {
        var (fileSystemId, fileSystem) = _stack.Single("AWS::EFS::FileSystem");
        var (accessPointId, accessPoint) = _stack.Single("AWS::EFS::AccessPoint");
        var policy = fileSystem["FileSystemPolicy"]!["Statement"]!.AsArray();
        var (userData, _) = _stack.UserData();

        Assert.Equal("true", fileSystem["Encrypted"]!.ToString());
        Assert.Equal([fileSystemId], ProxyStack.Refs(accessPoint["FileSystemId"]));
        Assert.Equal("0710", accessPoint["RootDirectory"]!["CreationInfo"]!["Permissions"]!.ToString());
        Assert.Contains(policy, s => s!["Effect"]!.ToString() == "Deny" && s["Condition"]?["Bool"]?["aws:SecureTransport"]?.ToString() == "false");
        var allow = Assert.Single(policy, s => s!["Effect"]!.ToString() == "Allow");
        Assert.Equal(["InstanceRole"], ProxyStack.Refs(allow!["Principal"]));
        Assert.Contains($"echo \"${{{fileSystemId}}}:/ $state_dir efs _netdev,noresvport,tls,iam,accesspoint=${{{accessPointId}}} 0 0\" >> /etc/fstab", userData, StringComparison.Ordinal);
        // One mount target per given subnet: the first two always, the third when there is one.
        var targets = _stack.OfType("AWS::EFS::MountTarget").Select(m => m.Resource["Properties"]!["SubnetId"]!["Fn::Select"]!.AsArray()).ToList();
        Assert.Equal(["0", "1", "2"], targets.Select(t => t[0]!.ToString()));
        Assert.All(targets, t => Assert.Equal("PrivateSubnetIds", t[1]!["Ref"]!.ToString()));
    }

    private List<(string Protocol, string From, string To, string Source)> Ingress(string groupId)
    {
        var inline = _stack.Properties(groupId)["SecurityGroupIngress"]?.AsArray().Select(r => r!.AsObject()) ?? [];
        var separate = _stack.OfType("AWS::EC2::SecurityGroupIngress").Select(r => r.Resource["Properties"]!.AsObject())
            .Where(p => ProxyStack.Refs(p["GroupId"]).SequenceEqual([groupId]));
        return [.. inline.Concat(separate).Select(rule =>
        {
            Assert.Null(rule["CidrIp"]);
            Assert.Null(rule["CidrIpv6"]);
            Assert.Null(rule["SourcePrefixListId"]);
            return (rule["IpProtocol"]!.ToString(), Plain(rule["FromPort"]), Plain(rule["ToPort"]), ProxyStack.Refs(rule["SourceSecurityGroupId"]).Single());
        })];
    }

    private static string Plain(JsonNode? node) => node is JsonObject o ? o["Ref"]!.ToString() : node!.ToString();

    private static List<string> Actions(JsonObject statement) =>
        statement["Action"] is JsonArray a ? [.. a.Select(n => n!.ToString())] : [statement["Action"]!.ToString()];
}
