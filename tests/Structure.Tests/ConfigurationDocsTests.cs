namespace Structure.Tests;

/// <summary>
/// Every environment variable the code reads (<see cref="ReadVariables"/>) has its row in docs/CONFIGURATION.md, written
/// as <c>`NAME`</c>, so a new setting cannot ship undocumented.
/// </summary>
public class ConfigurationDocsTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(SourceTree.RepositoryRoot, "docs", "CONFIGURATION.md"));

    [Fact]
    public void TheScanFindsVariablesReadEachWay()
    {
        var read = ReadVariables.All;

        Assert.Contains("LARK_APP_ID", read.Keys); // configuration["…"]
        Assert.Contains("QCLI_RUNBOOK_DIR", read.Keys); // the proxy's reader.Text("…")
        Assert.Contains("KNOWLEDGE_RESULTS", read.Keys); // a helper's second argument
        Assert.Contains("AWS_REGION", read.Keys); // AwsSettings.Setting("…")
        Assert.Contains("CHATOPS_STATE_TABLE", read.Keys); // configuration[TableKey], a constant
        Assert.Contains("CHATOPS_PROPOSAL_SPOOL", read.Keys); // GetEnvironmentVariable(ProposalEnvironment.Spool)
        Assert.Contains("AWS_ENDPOINT_URL_BEDROCK_RUNTIME", read.Keys); // aws.Endpoint("BEDROCK_RUNTIME", …)
        Assert.Contains("AWS_ENDPOINT_URL_DYNAMODB", read.Keys); // EndpointOverride(DynamoDbService), a constant
        Assert.DoesNotContain("BEDROCK_RUNTIME", read.Keys); // a suffix, not a variable
        Assert.DoesNotContain("NO_COLOR", read.Keys); // written for the CLI's environment, not read
    }

    [Fact]
    public void EveryVariableTheCodeReadsIsInTheConfigurationPage()
    {
        var missing = ReadVariables.All
            .Where(v => !Page.Contains($"`{v.Key}`", StringComparison.Ordinal))
            .Select(v => $"{v.Key} (read in {v.Value})")
            .ToList();

        Assert.True(missing.Count == 0, "variables the code reads but docs/CONFIGURATION.md does not name:\n" + string.Join('\n', missing));
    }
}
