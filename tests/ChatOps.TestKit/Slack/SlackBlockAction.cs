using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Slack;

/// <summary>Builds a <c>block_actions</c> interaction payload (the JSON of the form's <c>payload</c> field) as Slack
/// sends it for a button click, e.g. <c>SlackBlockAction.Button("approve", value).By("U1").OnMessage(channel, ts)
/// .AnsweringTo(responseUrl).Build()</c>; sign it with <see cref="SlackRequest.SignedInteraction"/>.</summary>
public sealed class SlackBlockAction
{
    private readonly string _actionId;
    private readonly string? _value;
    private string _type = "button";
    private string _user = SlackEvent.DefaultUser;
    private string _team = FakeSlackWebApi.DefaultTeamId;
    private string _channel = SlackEvent.DefaultChannel;
    private string _messageTs = "1700000000.000100";
    private Uri? _responseUrl;

    private SlackBlockAction(string actionId, string? value) => (_actionId, _value) = (actionId, value);

    /// <summary>A click on the button with this action_id and value (null: the element sent no value).</summary>
    public static SlackBlockAction Button(string actionId, string? value) => new(actionId, value);

    /// <summary>The clicked element's type, when it is not a button.</summary>
    public SlackBlockAction OfType(string elementType)
    {
        _type = elementType;
        return this;
    }

    public SlackBlockAction By(string user, string team = FakeSlackWebApi.DefaultTeamId)
    {
        (_user, _team) = (user, team);
        return this;
    }

    public SlackBlockAction OnMessage(string channel, string ts)
    {
        (_channel, _messageTs) = (channel, ts);
        return this;
    }

    public SlackBlockAction AnsweringTo(Uri responseUrl)
    {
        _responseUrl = responseUrl;
        return this;
    }

    public string Build()
    {
        var action = new JsonObject
        {
            ["type"] = _type,
            ["action_id"] = _actionId,
            ["block_id"] = "b" + Guid.NewGuid().ToString("N")[..8],
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Button", ["emoji"] = true },
            ["action_ts"] = "1700000000.123456",
        };
        if (_value is not null)
        {
            action["value"] = _value;
        }
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = _user, ["username"] = "tester", ["team_id"] = _team },
            ["api_app_id"] = SlackEvent.DefaultAppId,
            ["token"] = "test-deprecated-token",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = _messageTs, ["channel_id"] = _channel, ["is_ephemeral"] = false },
            ["trigger_id"] = "1700000000.1.test",
            ["team"] = new JsonObject { ["id"] = _team, ["domain"] = "test" },
            ["channel"] = new JsonObject { ["id"] = _channel, ["name"] = "ops" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = _messageTs, ["text"] = "an approval card" },
            ["actions"] = new JsonArray { action },
        };
        if (_responseUrl is not null)
        {
            payload["response_url"] = _responseUrl.ToString();
        }
        return payload.ToJsonString();
    }
}
