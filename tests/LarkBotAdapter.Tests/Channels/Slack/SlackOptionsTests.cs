using System.Net;
using ChatOps.LarkBotAdapter.Channels.Slack;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using ChatOps.TestKit.Slack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Tests.Channels.Slack;

public sealed class SlackOptionsTests
{
    internal static SlackOptions Load(Dictionary<string, string?> values)
    {
        var options = new SlackOptions();
        options.Load(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return options;
    }

    [Theory]
    [InlineData("test-signing-secret", null, "SLACK_BOT_TOKEN")]
    [InlineData(null, "xoxb-fake", "SLACK_SIGNING_SECRET")]
    [InlineData("test-signing-secret", "xoxp-user", "SLACK_BOT_TOKEN")]
    public void IncompleteSettingsNameTheVariable(string? secret, string? token, string variable)
    {
        var options = Load(new() { ["SLACK_SIGNING_SECRET"] = secret, ["SLACK_BOT_TOKEN"] = token });
        Assert.False(options.IsConfigured);
        Assert.Contains(options.Errors, e => e.StartsWith(variable, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1")]
    [InlineData("600000")]
    public void APostIntervalThatIsNotAWholeNumberOfMillisecondsNamesTheVariable(string value)
    {
        var options = Load(new() { ["SLACK_POST_INTERVAL_MS"] = value });
        Assert.Contains(options.Errors, e => e.StartsWith("SLACK_POST_INTERVAL_MS must be a whole number from 0 to 60000", StringComparison.Ordinal));
        Assert.Equal(TimeSpan.FromMilliseconds(250), Load(new() { ["SLACK_POST_INTERVAL_MS"] = "250" }).PostInterval);
    }

    [Fact]
    public void BaseUrlDefaultsToSlackAndAcceptsAnOverride()
    {
        Assert.Equal(new Uri("https://slack.com/api/"), Load([]).ApiBaseUrl);
        Assert.Equal(new Uri("http://127.0.0.1:9/api/"), Load(new() { ["SLACK_API_BASE_URL"] = "http://127.0.0.1:9/api" }).ApiBaseUrl);
        Assert.Contains(Load(new() { ["SLACK_API_BASE_URL"] = "slack.com/api" }).Errors, e => e.StartsWith("SLACK_API_BASE_URL", StringComparison.Ordinal));
    }

    // A plain host, not WebApplicationFactory: when start-up fails, the factory's deferred host can dispose its
    // services before it reports the failure, and then throws ObjectDisposedException instead of the real error.
    [Fact]
    public async Task MisconfiguredSlackFailsAtStartNamingTheVariable()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SLACK_SIGNING_SECRET"] = "test-signing-secret" });
        builder.Services.AddSlack();
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("SLACK_BOT_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlackEndpointsAreNotFoundWhenSlackIsNotConfigured()
    {
        await using var app = await ChatOpsApp.StartAsync();
        foreach (var path in new[] { SlackRequest.EventsPath, SlackRequest.CommandsPath })
        {
            using var response = await app.SendAsync(SlackRequest.Raw(path, "{}", "application/json", "1", "v0=00"));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("SLACK_SIGNING_SECRET", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var health = await app.Client.GetAsync("/healthz");
        Assert.DoesNotContain("\"slack\"", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthzListsSlackWhenConfigured()
    {
        await using var app = await SlackApp.StartAsync();
        using var health = await app.App.Client.GetAsync("/healthz");
        var body = await health.Content.ReadAsStringAsync();
        Assert.Contains("\"slack\"", body, StringComparison.Ordinal);
        Assert.Contains("\"lark\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackRequest.DefaultSigningSecret, body, StringComparison.Ordinal);
    }
}
