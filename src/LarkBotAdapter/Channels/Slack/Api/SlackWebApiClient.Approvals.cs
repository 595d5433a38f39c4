using System.Net.Http.Headers;
using System.Net.Http.Json;
using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Api;

// Private answers to a click on an approval card, through the click's response_url.
public sealed partial class SlackWebApiClient
{
    // Tells only the person who clicked (response_type ephemeral), leaving the message they clicked as it is. A URL
    // off SlackResponseUrlPolicy is refused unsent.
    public async Task PostEphemeralAsync(Uri responseUrl, string text, CancellationToken cancellationToken)
    {
        if (!responseUrls.Allows(responseUrl.OriginalString))
        {
            throw new SlackApiException("response_url", "response_url_not_allowed", 400);
        }
        var message = new SlackCommandMessage("ephemeral", text, ReplaceOriginal: false);
        using var response = await SendAsync(
            "response_url",
            () => new HttpRequestMessage(HttpMethod.Post, responseUrl)
            {
                Content = JsonContent.Create(message, SlackJsonContext.Default.SlackCommandMessage, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }),
            },
            cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}", (int)response.StatusCode);
        }
    }
}
