namespace ChatOps.QCliProxy.Tests.Gate;

/// <summary>How the gate finds the real binary (QCLI_KUBECTL / QCLI_HELM, else PATH without our wrappers) and what it
/// answers when there is none or when the tool is neither kubectl nor helm.</summary>
public sealed class ToolGateTests
{
    [Fact]
    public void WithoutTheVariableTheFirstKubectlOnPathRunsSkippingALinkToOurWrapper()
    {
        using var kubectl = new FakeTool("kubectl");
        var wrappers = Directory.CreateDirectory(Path.Combine(kubectl.Folder, "wrappers")).FullName;
        var recordedByWrapper = Path.Combine(wrappers, "argv");
        FakeTool.Write(Path.Combine(wrappers, "chatops-kubectl"), recordedByWrapper);
        File.CreateSymbolicLink(Path.Combine(wrappers, "kubectl"), Path.Combine(wrappers, "chatops-kubectl"));
        var path = $"relative/bin:{wrappers}:{kubectl.Folder}";

        var result = kubectl.RunWith(name => name == "PATH" ? path : null, "get", "pods");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["get", "pods"], Assert.IsType<string[]>(result.Recorded));
        Assert.False(File.Exists(recordedByWrapper));
    }

    [Fact]
    public void MissingKubectlIsOneLineAndExitCode127()
    {
        using var kubectl = new FakeTool("kubectl");

        var result = kubectl.RunWith(name => name == "PATH" ? "/nonexistent-bin" : null, "get", "pods");

        Assert.Equal(127, result.ExitCode);
        Assert.Equal(
            "chatops-kubectl: cannot run kubectl: kubectl was not found on PATH; install it or set QCLI_KUBECTL in the chatops-kubectl wrapper",
            Assert.Single(result.ErrorLines));
    }

    [Theory]
    [InlineData("/nonexistent/helm", "QCLI_HELM=/nonexistent/helm is not an executable helm")]
    [InlineData("helm", "QCLI_HELM must be an absolute path")]
    public void BadVariableNamesTheSetting(string value, string problem)
    {
        using var helm = new FakeTool("helm");

        var result = helm.RunWith(name => name == "QCLI_HELM" ? value : null, "list");

        Assert.Equal(127, result.ExitCode);
        Assert.Equal($"chatops-helm: cannot run helm: {problem}", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void RefusalComesBeforeTheBinaryIsLookedFor()
    {
        using var kubectl = new FakeTool("kubectl");

        var result = kubectl.RunWith(_ => null, "get", "secrets");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("chatops-kubectl: refused: kind 'secrets' is not allowed", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sh")]
    [InlineData("aws")]
    public void OnlyKubectlAndHelmAreGated(string tool)
    {
        using var error = new StringWriter();

        var exitCode = ChatOps.OpsAgent.Gate.ToolGate.Run([tool, "-c", "id"], _ => "/bin/sh", error);

        Assert.Equal(2, exitCode);
        Assert.Equal("qcli-proxy tool: refused: the tool must be kubectl or helm\n", error.ToString().ReplaceLineEndings("\n"));
    }
}
