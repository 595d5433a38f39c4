using System.Text.Json.Nodes;
using ChatOps.QCliProxy.Configuration;
using Microsoft.Extensions.Configuration;

namespace ChatOps.QCliProxy.Tests.Deployment;

/// <summary>deploy/qcli-proxy/template.yaml: the balancer, the group and how it rolls (issue 22, item 3).</summary>
public sealed class ProxyStackTemplateTests
{
    private readonly ProxyStack _stack = ProxyStack.Load();

    [Fact]
    public void LaunchTemplateRequiresImdsV2WithHopLimitOne()
    {
        var data = _stack.Properties(_stack.Single("AWS::EC2::LaunchTemplate").Id)["LaunchTemplateData"]!;

        Assert.Equal("required", data["MetadataOptions"]!["HttpTokens"]!.ToString());
        Assert.Equal("1", data["MetadataOptions"]!["HttpPutResponseHopLimit"]!.ToString());
        Assert.Equal("ImageId", data["ImageId"]!["Ref"]!.ToString());
        Assert.Equal("AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>", _stack.Parameters["ImageId"]!["Type"]!.ToString());
        Assert.StartsWith("/aws/service/ami-amazon-linux-latest/al2023-ami-", _stack.Parameters["ImageId"]!["Default"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal(ProxyStack.Refs(data["IamInstanceProfile"]), ["InstanceProfile"]);
    }

    [Fact]
    public void BalancerIsInternalWithOneHttpsListenerOnTheCertificateParameter()
    {
        var (balancerId, balancer) = _stack.Single("AWS::ElasticLoadBalancingV2::LoadBalancer");
        var (_, listener) = _stack.Single("AWS::ElasticLoadBalancingV2::Listener");

        Assert.Equal("internal", balancer["Scheme"]!.ToString());
        Assert.Equal("PrivateSubnetIds", balancer["Subnets"]!["Ref"]!.ToString());
        Assert.Equal([balancerId], ProxyStack.Refs(listener["LoadBalancerArn"]));
        Assert.Equal(("HTTPS", "443"), (listener["Protocol"]!.ToString(), listener["Port"]!.ToString()));
        var certificate = Assert.Single(listener["Certificates"]!.AsArray());
        Assert.Equal("CertificateArn", certificate!["CertificateArn"]!["Ref"]!.ToString());
        Assert.StartsWith("ELBSecurityPolicy-TLS13-", listener["SslPolicy"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IdleTimeoutAndDrainingOutlastTheProxysCliTimeout()
    {
        var options = new ProxyOptions();
        options.Load(new ConfigurationBuilder().Build());
        var cliTimeout = (int)options.Timeout.TotalSeconds;
        var balancer = _stack.Single("AWS::ElasticLoadBalancingV2::LoadBalancer").Properties;
        var group = _stack.Single("AWS::ElasticLoadBalancingV2::TargetGroup").Properties;

        Assert.Equal("AlbIdleTimeoutSeconds", Attribute(balancer["LoadBalancerAttributes"], "idle_timeout.timeout_seconds")["Ref"]!.ToString());
        Assert.Equal("AlbIdleTimeoutSeconds", Attribute(group["TargetGroupAttributes"], "deregistration_delay.timeout_seconds")["Ref"]!.ToString());
        Assert.True(_stack.NumberMin("AlbIdleTimeoutSeconds") > cliTimeout, $"the idle timeout may be set at or below the CLI timeout ({cliTimeout} s)");
        Assert.True(_stack.NumberDefault("AlbIdleTimeoutSeconds") > cliTimeout);
    }

    [Fact]
    public void TargetGroupChecksHealthzOnTheProxyPortAndTheGroupUsesIt()
    {
        var (groupId, target) = _stack.Single("AWS::ElasticLoadBalancingV2::TargetGroup");
        var asg = _stack.Single("AWS::AutoScaling::AutoScalingGroup").Properties;

        Assert.Equal("/healthz", target["HealthCheckPath"]!.ToString());
        Assert.Equal("200", target["Matcher"]!["HttpCode"]!.ToString());
        Assert.Equal("ProxyPort", target["Port"]!["Ref"]!.ToString());
        Assert.Equal([groupId], ProxyStack.Refs(asg["TargetGroupARNs"]));
        Assert.Equal("ELB", asg["HealthCheckType"]!.ToString());
    }

    [Fact]
    public void GroupKeepsAtLeastTwoInstancesAcrossTheGivenSubnets()
    {
        var asg = _stack.Single("AWS::AutoScaling::AutoScalingGroup").Properties;

        Assert.Equal("MinSize", asg["MinSize"]!["Ref"]!.ToString());
        Assert.Equal((2, 2), (_stack.NumberDefault("MinSize"), _stack.NumberMin("MinSize")));
        Assert.Equal("PrivateSubnetIds", asg["VPCZoneIdentifier"]!["Ref"]!.ToString());
        Assert.Equal("List<AWS::EC2::Subnet::Id>", _stack.Parameters["PrivateSubnetIds"]!["Type"]!.ToString());
    }

    [Fact]
    public void ANewBundleRollsTheGroupOneHealthyInstanceAtATime()
    {
        var (groupId, resource) = _stack.OfType("AWS::AutoScaling::AutoScalingGroup").Single();
        var rolling = resource["UpdatePolicy"]!["AutoScalingRollingUpdate"]!;
        var launch = resource["Properties"]!["LaunchTemplate"]!;
        var userData = _stack.UserData().Text;

        Assert.Equal(("1", "true"), (rolling["MaxBatchSize"]!.ToString(), rolling["WaitOnResourceSignals"]!.ToString()));
        Assert.True(int.Parse(rolling["MinInstancesInService"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal(["LaunchTemplate", "LatestVersionNumber"], launch["Version"]!["Fn::GetAtt"]!.AsArray().Select(n => n!.ToString()));
        // The bundle's location is in the user data, so a new one is a new launch template version.
        Assert.Contains("aws s3 cp '${BundleS3Uri}'", userData, StringComparison.Ordinal);
        Assert.Equal("MinSize", resource["CreationPolicy"]!["ResourceSignal"]!["Count"]!["Ref"]!.ToString());
        Assert.Contains($"--resource {groupId} ", userData, StringComparison.Ordinal);
        Assert.Contains("curl -fsS -o /dev/null \"http://127.0.0.1:${ProxyPort}/healthz\"; then signal 0", userData, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputsGiveTheHttpsAddressForTheBotAndTheInstanceSecurityGroup()
    {
        var outputs = _stack.Root["Outputs"]!;

        Assert.Equal("https://${ProxyDomainName}", outputs["ProxyAddress"]!["Value"]!["Fn::Sub"]!.ToString());
        Assert.Contains("QLI_SERVER_ADDRESS", outputs["ProxyAddress"]!["Description"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("InstanceSecurityGroup", outputs["InstanceSecurityGroupId"]!["Value"]!["Ref"]!.ToString());
    }

    [Fact]
    public void EveryParameterIsDescribedAndListedInTheReadme()
    {
        var readme = File.ReadAllText(ProxyStack.KitPath("README.md"));

        Assert.All(_stack.Parameters, p =>
        {
            Assert.False(string.IsNullOrWhiteSpace(p.Value!["Description"]?.ToString()), $"{p.Key} has no Description");
            Assert.Contains($"| `{p.Key}` |", readme, StringComparison.Ordinal);
        });
    }

    private static JsonObject Attribute(JsonNode? attributes, string key) =>
        attributes!.AsArray().Single(a => a!["Key"]!.ToString() == key)!["Value"]!.AsObject();
}
