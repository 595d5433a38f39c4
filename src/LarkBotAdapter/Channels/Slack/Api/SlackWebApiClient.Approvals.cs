using ChatOps.LarkBotAdapter.Channels.Slack.Inbound;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Api;

// Private answers to a click on an approval card, through the click's response_url.
public sealed partial class SlackWebApiClient
{
    // Tells only the person who clicked (response_type ephemeral), leaving the message they clicked as it is. A URL
    // off SlackResponseUrlPolicy is refused unsent.
    public async Task PostEphemeralAsync(Uri responseUrl, string text, CancellationToken cancellationToken)
    {
        using var response = await SendToResponseUrlAsync(responseUrl, new SlackCommandMessage("ephemeral", text, ReplaceOriginal: false), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException("response_url", $"http_{(int)response.StatusCode}", (int)response.StatusCode);
        }
    }
}
