using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ChatOps.LarkBotAdapter.Channels.Slack.Live;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Api;

// The calls of live answers: streams (chat.startStream/appendStream/stopStream, scope chat:write), edits
// (chat.update), the assistant status (assistant.threads.setStatus, chat:write or assistant:write), reactions
// (reactions.add/remove, reactions:write), and a post with blocks. All sent as JSON, like chat.postMessage.
public sealed partial class SlackWebApiClient
{
    // Starts a stream replying in thread threadTs, showing markdown (standard Markdown) first.
    // recipientUserId and recipientTeamId name who asked (Slack wants them outside DMs). Returns the message's ts.
    public async Task<string> StartStreamAsync(
        string channel, string threadTs, string markdown, string recipientUserId, string recipientTeamId, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["channel"] = channel,
            ["thread_ts"] = threadTs,
            ["markdown_text"] = markdown,
            ["recipient_user_id"] = recipientUserId,
            ["recipient_team_id"] = recipientTeamId,
        };
        var response = await CallAsync("chat.startStream", () => Json(body), SlackLiveJsonContext.Default.SlackTsResponse, cancellationToken);
        return response.Ts ?? throw new SlackApiException("chat.startStream", "no_ts_in_answer", 200);
    }

    // Appends markdown (the new text only: a stream shows what it was given so far, in order).
    public Task AppendStreamAsync(string channel, string ts, string markdown, CancellationToken cancellationToken) =>
        CallAsync(
            "chat.appendStream",
            () => Json(new JsonObject { ["channel"] = channel, ["ts"] = ts, ["markdown_text"] = markdown }),
            SlackLiveJsonContext.Default.SlackApiResponse,
            cancellationToken);

    // Ends the stream; blocks (a JSON array) go under the streamed text.
    public Task StopStreamAsync(string channel, string ts, JsonArray? blocks, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["channel"] = channel, ["ts"] = ts };
        if (blocks is not null)
        {
            body["blocks"] = blocks;
        }
        return CallAsync("chat.stopStream", () => Json(body), SlackLiveJsonContext.Default.SlackTsResponse, cancellationToken);
    }

    // Replaces message ts's content with blocks; text is the notification fallback.
    public Task UpdateMessageAsync(string channel, string ts, string text, JsonArray blocks, CancellationToken cancellationToken) =>
        CallAsync(
            "chat.update",
            () => Json(new JsonObject { ["channel"] = channel, ["ts"] = ts, ["text"] = text, ["blocks"] = blocks }),
            SlackLiveJsonContext.Default.SlackTsResponse,
            cancellationToken);

    // Posts blocks (text: the mrkdwn notification fallback) in the thread of threadTs. Returns the ts.
    // Without threadTs the message starts a new thread in the channel.
    public async Task<string> PostBlocksAsync(string channel, string text, JsonArray blocks, string? threadTs, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["channel"] = channel,
            ["text"] = text,
            ["blocks"] = blocks,
            ["unfurl_links"] = false,
            ["unfurl_media"] = false,
        };
        if (threadTs is not null)
        {
            body["thread_ts"] = threadTs;
        }
        var response = await CallAsync("chat.postMessage", () => Json(body), SlackLiveJsonContext.Default.SlackTsResponse, cancellationToken);
        return response.Ts ?? throw new SlackApiException("chat.postMessage", "no_ts_in_answer", 200);
    }

    // Shows status under the thread (an empty status clears it).
    public Task SetAssistantStatusAsync(string channel, string threadTs, string status, CancellationToken cancellationToken) =>
        CallAsync(
            "assistant.threads.setStatus",
            () => Json(new JsonObject { ["channel_id"] = channel, ["thread_ts"] = threadTs, ["status"] = status }),
            SlackLiveJsonContext.Default.SlackApiResponse,
            cancellationToken);

    // Adds emoji name to message ts; already_reacted counts as done.
    public Task AddReactionAsync(string channel, string ts, string name, CancellationToken cancellationToken) =>
        ReactAsync("reactions.add", channel, ts, name, tolerated: "already_reacted", cancellationToken);

    // Removes emoji name from message ts; no_reaction counts as done.
    public Task RemoveReactionAsync(string channel, string ts, string name, CancellationToken cancellationToken) =>
        ReactAsync("reactions.remove", channel, ts, name, tolerated: "no_reaction", cancellationToken);

    private async Task ReactAsync(string method, string channel, string ts, string name, string tolerated, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(
                method,
                () => Json(new JsonObject { ["channel"] = channel, ["timestamp"] = ts, ["name"] = name }),
                SlackLiveJsonContext.Default.SlackApiResponse,
                cancellationToken);
        }
        catch (SlackApiException ex) when (ex.Error == tolerated)
        {
        }
    }

    private static StringContent Json(JsonObject body) =>
        new(body.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" });
}
