using Amazon.Runtime;
using ChatOps.LarkBotAdapter.Local;

namespace ChatOps.LarkBotAdapter.Tests.Local;

/// <summary>Problems a person can act on: one line, what to check, and the exit code that matches.</summary>
public sealed class ProblemTextTests
{
    [Fact]
    public void MissingCredentialsAreOneConfigurationLine()
    {
        using var error = new StringWriter();
        var report = new ConsoleReport(error, verbose: false);
        var missing = new AmazonClientException(
            "Failed to resolve AWS credentials. The credential providers used to search for credentials returned the following errors:\n\nException 1 of 4: The environment variables were not set.");

        report.Problem(missing);
        report.Problem(missing);

        Assert.Equal(ExitCodes.Configuration, report.Exit());
        Assert.Equal(
            ["error: no AWS credentials found — set AWS_PROFILE (after `aws sso login`) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
             "error: (2 times) no AWS credentials found — set AWS_PROFILE (after `aws sso login`) or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY",
             "(run again with --verbose for details)"],
            error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }

    [Fact]
    public void OtherFailuresKeepOnlyTheFirstLineOfTheirMessageUnlessVerbose()
    {
        using var quiet = new StringWriter();
        using var verbose = new StringWriter();
        var failure = new InvalidOperationException("first line\nsecond line");

        new ConsoleReport(quiet, verbose: false).Problem(failure);
        new ConsoleReport(verbose, verbose: true).Problem(failure);

        Assert.Equal("error: InvalidOperationException: first line", quiet.ToString().Trim());
        Assert.Contains("second line", verbose.ToString(), StringComparison.Ordinal);
    }
}
