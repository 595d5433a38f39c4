using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChatOps.LarkBotAdapter.Tests;

/// <summary>The check every hosted app runs on disposal finds a leak and reports it without repeating the secret.</summary>
public sealed class SecretLeaksTests
{
    [Fact]
    public void SecretSettingsAreFoundAndCommaListsSplit()
    {
        var secrets = SecretLeaks.FromSettings(new Dictionary<string, string?>
        {
            ["LARK_APP_ID"] = "cli_visible_app_id",
            ["LARK_APP_SECRET"] = "first-app-secret,second-app-secret",
            ["SLACK_BOT_TOKEN"] = "xoxb-fake",
            ["AWS_SECRET_ACCESS_KEY"] = "test-secret-access-key",
            ["AWS_ACCESS_KEY_ID"] = "test-access-key-id",
        });

        Assert.Equal(
            ["LARK_APP_SECRET=first-app-secret", "LARK_APP_SECRET=second-app-secret", "SLACK_BOT_TOKEN=xoxb-fake", "AWS_SECRET_ACCESS_KEY=test-secret-access-key"],
            secrets.Select(s => $"{s.Key}={s.Value}"));
    }

    [Fact]
    public void LeakIsReportedByItsSettingWithTheValueMasked()
    {
        var secrets = SecretLeaks.FromSettings([KeyValuePair.Create("LARK_APP_SECRET", (string?)"first-app-secret")]);

        var leaks = SecretLeaks.Find(secrets, "the logs", ["ok", "calling with first-app-secret and t-0123456789abcdef0123456789abcdef"]);

        Assert.Equal(2, leaks.Count);
        Assert.StartsWith("LARK_APP_SECRET appeared in the logs", leaks[0], StringComparison.Ordinal);
        Assert.All(leaks, l => Assert.DoesNotContain("first-app-secret", l, StringComparison.Ordinal));
        Assert.All(leaks, l => Assert.DoesNotContain("0123456789abcdef0123456789abcdef", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HostedAppThatLogsASecretFailsOnDisposal()
    {
        var app = await ChatOpsApp.StartAsync();
        app.Services.GetRequiredService<ILogger<SecretLeaksTests>>().LogInformation("careless {Value}", ChatOpsApp.AppSecret);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => app.DisposeAsync().AsTask());

        Assert.Contains("LARK_APP_SECRET appeared in the logs", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ChatOpsApp.AppSecret, failure.Message, StringComparison.Ordinal);
    }
}
