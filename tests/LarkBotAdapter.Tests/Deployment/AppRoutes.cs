using ChatOps.LarkBotAdapter.Tests.AppHost;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.LarkBotAdapter.Tests.Deployment;

/// <summary>The routes the real app maps (<c>"POST /lark/events"</c>), read from its endpoint data source.</summary>
public static class AppRoutes
{
    /// <summary>Served to the Lambda Web Adapter itself, never through API Gateway.</summary>
    public static readonly string[] Infrastructure = ["GET /healthz", "POST /events"];

    /// <summary>Every platform configured with fake values (outbound URLs on loopback), so every channel maps.</summary>
    public static async Task<IReadOnlySet<string>> DiscoverAsync()
    {
        await using var app = await ChatOpsApp.StartAsync(s =>
        {
            s["SLACK_SIGNING_SECRET"] = "test-slack-signing-secret";
            s["SLACK_BOT_TOKEN"] = "xoxb-fake";
            s["SLACK_API_BASE_URL"] = s["LARK_BASE_URL"];
        });
        return Of(app.Services);
    }

    /// <summary>The routes of a running app.</summary>
    public static IReadOnlySet<string> Of(IServiceProvider services)
    {
        var routes = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods)
            {
                routes.Add($"{method} {path}");
            }
        }
        return routes;
    }
}
