using System.Net;
using System.Text;
using ChatOps.LarkBotAdapter.Channels.Lark;
using ChatOps.LarkBotAdapter.Tests.AppHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Tests.Worker;

public sealed class EventsEndpointTests
{
    [Fact]
    public async Task EventsEndpointIsClosedOutsideLambda()
    {
        await using var app = await ChatOpsApp.StartAsync();
        using var response = await app.Client.PostAsync("/events", new StringContent("{\"kind\":\"chat.turn\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task LarkEndpointIsNotFoundWhenLarkIsNotConfigured()
    {
        await using var app = await ChatOpsApp.StartAsync(s =>
        {
            s["LARK_APP_ID"] = "";
            s["LARK_APP_SECRET"] = "";
            s["LARK_VERIFICATION_TOKEN"] = "";
            s["LARK_ENCRYPT_KEY"] = "";
        });
        using var response = await app.Client.PostAsync("/lark/events", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("LARK_APP_ID", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MisconfiguredLarkAppsFailAtStartNamingTheVariable()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LARK_APP_ID"] = "cli_a,cli_b",
            ["LARK_APP_SECRET"] = "only-one-secret",
            ["LARK_VERIFICATION_TOKEN"] = "token-a,token-b",
        });
        builder.Services.AddLark();
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("LARK_APP_SECRET must list 2 value(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthzAnswersReady()
    {
        await using var app = await ChatOpsApp.StartAsync();
        using var response = await app.Client.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"lark\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ChatOpsApp.AppSecret, body, StringComparison.Ordinal);
    }
}
