using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>The bot's side of the two-stack deployment: the proxy fleet's https address and the optional VPC.</summary>
public sealed partial class TemplateTests
{
    [Fact]
    public void ProxyAddressTakesTheFleetStacksHttpsOutputAndRefusesWhatTheBotCannotSign()
    {
        var address = new Regex(_template.Parameters["QcliServerAddress"]!["AllowedPattern"]!.ToString());
        var proxyStack = CfnYaml.Load(RepositoryFiles.Path("deploy", "qcli-proxy", "template.yaml"));
        var output = proxyStack["Outputs"]!["ProxyAddress"]!["Value"]!["Fn::Sub"]!.ToString();
        var domain = new Regex(proxyStack["Parameters"]!["ProxyDomainName"]!["AllowedPattern"]!.ToString());

        Assert.Matches(domain, "qcli-proxy.internal.example.com");
        Assert.Matches(address, output.Replace("${ProxyDomainName}", "qcli-proxy.internal.example.com", StringComparison.Ordinal));
        Assert.Equal("", _template.Parameters["QcliServerAddress"]!["Default"]!.ToString());
        Assert.Matches(address, "");
        Assert.Matches(address, "http://10.0.1.23:8080");
        Assert.Matches(address, "https://qcli-proxy.internal.example.com:443/");
        // A path would be signed as part of the protocol path; credentials, queries and bare hosts are refused too.
        Assert.DoesNotMatch(address, "https://qcli-proxy.internal.example.com/v1");
        Assert.DoesNotMatch(address, "https://user:pw@qcli-proxy.internal.example.com");
        Assert.DoesNotMatch(address, "10.0.1.23:8080");
        Assert.DoesNotMatch(address, "ftp://qcli-proxy.internal.example.com");
    }

    [Fact]
    public void FunctionJoinsTheVpcOnlyWhenSubnetsAreGiven()
    {
        var vpc = _template.FunctionProperties["VpcConfig"]!["Fn::If"]!.AsArray();
        var condition = _template.Root["Conditions"]![vpc[0]!.ToString()]!.ToJsonString();

        Assert.Equal("VpcSubnetIds", vpc[1]!["SubnetIds"]!["Ref"]!.ToString());
        Assert.Equal("VpcSecurityGroupIds", vpc[1]!["SecurityGroupIds"]!["Ref"]!.ToString());
        Assert.Equal("AWS::NoValue", vpc[2]!["Ref"]!.ToString());
        Assert.Contains("{\"Ref\":\"VpcSubnetIds\"}", condition, StringComparison.Ordinal);
        Assert.Contains("Fn::Not", condition, StringComparison.Ordinal);
        Assert.All(new[] { "VpcSubnetIds", "VpcSecurityGroupIds" }, p =>
        {
            Assert.Equal("CommaDelimitedList", _template.Parameters[p]!["Type"]!.ToString());
            Assert.Equal("", _template.Parameters[p]!["Default"]!.ToString());
        });
        Assert.Contains("LambdaSecurityGroupId", _template.Parameters["VpcSecurityGroupIds"]!["Description"]!.ToString(), StringComparison.Ordinal);
        var managed = _template.Resources["BotFunctionRole"]!["Properties"]!["ManagedPolicyArns"]!["Fn::If"]!.AsArray();
        Assert.Equal(vpc[0]!.ToString(), managed[0]!.ToString());
    }
}
