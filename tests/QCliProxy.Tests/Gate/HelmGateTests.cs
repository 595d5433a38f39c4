namespace ChatOps.QCliProxy.Tests.Gate;

/// <summary>`QCliProxy tool helm ARGS…` (chatops-helm) against a fake helm that records its argv.</summary>
public sealed class HelmGateTests
{
    public static TheoryData<string> Allowed => new()
    {
        "list",
        "list -A",
        "ls -n prod",
        "list --namespace=prod",
        "ls --all-namespaces",
        "status checkout",
        "status checkout -n prod",
        "status checkout --namespace prod",
        "status -nprod checkout",
    };

    public static TheoryData<string> Refused => new()
    {
        // whole releases with their values
        "status checkout -o yaml",
        "status checkout --output=json",
        "status checkout -oyaml",
        "status checkout --show-resources",
        "status checkout --show-resources=true",
        "list -o json",
        // another API server, identity or kubeconfig
        "list --kube-apiserver=https://attacker.example",
        "list --kube-apiserver https://169.254.169.254",
        "list --kube-as-user=admin",
        "status checkout --kube-as-user admin",
        "list --kube-as-group=system:masters",
        "list --kube-token=abc",
        "list --kubeconfig=/root/.kube/config",
        "list --kube-context prod-admin",
        "list --kube-ca-file=/tmp/ca.pem",
        "list --registry-config=/etc/passwd",
        "list --repository-config /etc/passwd",
        // other commands and shapes
        "get values checkout",
        "get all checkout",
        "history checkout",
        "uninstall checkout",
        "install x ./chart",
        "status",
        "status checkout other",
        "status Checkout",
        "status checkout/x",
        "status -A checkout",
        "list extra",
        "list -- -o json",
        "list -n -A",
        "ls --filter=.*",
        "",
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void AllowedCommandRunsHelmWithExactlyItsArguments(string command)
    {
        using var helm = new FakeTool("helm");

        var result = helm.Run(KubectlGateTests.Argv(command));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(KubectlGateTests.Argv(command), result.Recorded);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void RefusedCommandNeverStartsHelmAndSaysWhyInOneLine(string command)
    {
        using var helm = new FakeTool("helm");

        var result = helm.Run(KubectlGateTests.Argv(command));

        Assert.Equal(2, result.ExitCode);
        Assert.Null(result.Recorded);
        Assert.StartsWith("chatops-helm: refused: ", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void StatusWithAnOutputFormatSaysOnlyTheNamespaceFlagIsAllowed()
    {
        using var helm = new FakeTool("helm");

        var result = helm.Run("status", "checkout", "-o", "yaml");

        Assert.Equal("chatops-helm: refused: flag '-o' is not allowed (allowed: -n/--namespace)", Assert.Single(result.ErrorLines));
    }
}
