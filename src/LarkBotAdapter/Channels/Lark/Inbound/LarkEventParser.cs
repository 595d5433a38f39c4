using System.Text;
using System.Text.Json;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Inbound;

// Reads a (decrypted) Lark event body. Never throws on input: anything unreadable is LarkInbound.Malformed.
// Schema 2.0 events are read in full; v1 events (no schema, type: event_callback) become
// LarkInbound.OtherEvent so they are acknowledged and ignored rather than redelivered for hours.
public static class LarkEventParser
{
    // Deepest JSON nesting accepted; real events nest about six levels.
    public const int MaxDepth = 32;

    // The event type of a received chat message.
    public const string MessageReceiveEventType = "im.message.receive_v1";

    // The callback type of a click on an interactive card.
    public const string CardActionEventType = "card.action.trigger";

    // Parses UTF-8 JSON bytes.
    public static LarkInbound Parse(ReadOnlyMemory<byte> utf8Json) => Guard(() =>
    {
        using var document = JsonDocument.Parse(utf8Json, LarkJson.DocumentOptions);
        return ParseRoot(document.RootElement);
    });

    // Parses a JSON string (for example LarkCrypto.TryDecrypt's output).
    public static LarkInbound Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Guard(() =>
        {
            using var document = JsonDocument.Parse(json, LarkJson.DocumentOptions);
            return ParseRoot(document.RootElement);
        });
    }

    // True when the body is {"encrypt": "…"}; the caller then decrypts and parses the result.
    public static bool TryGetEncrypt(ReadOnlyMemory<byte> utf8Json, out string encrypt)
    {
        encrypt = string.Empty;
        try
        {
            using var document = JsonDocument.Parse(utf8Json, LarkJson.DocumentOptions);
            encrypt = ReadEncrypt(document.RootElement) ?? string.Empty;
            return encrypt.Length > 0;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static bool TryGetEncrypt(string json, out string encrypt) =>
        TryGetEncrypt(Encoding.UTF8.GetBytes(json ?? string.Empty), out encrypt);

    private static string? ReadEncrypt(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object
        && root.TryGetProperty("encrypt", out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static LarkInbound Guard(Func<LarkInbound> parse)
    {
        try
        {
            return parse();
        }
        catch (LarkJsonException ex)
        {
            return new LarkInbound.Malformed(ex.Message);
        }
        catch (JsonException)
        {
            return new LarkInbound.Malformed("body is not valid JSON (or nests deeper than " + MaxDepth + ")");
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json reports strings that are not valid UTF-16 (lone surrogate escapes) this way.
            return new LarkInbound.Malformed("body contains text that is not valid Unicode");
        }
    }

    private static LarkInbound ParseRoot(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new LarkInbound.Malformed("body must be a JSON object");
        }

        if (ReadEncrypt(root) is not null)
        {
            return new LarkInbound.Malformed("body is still encrypted");
        }

        if (LarkJson.OptionalString(root, "type", "type") == "url_verification")
        {
            return new LarkInbound.UrlVerification(
                LarkJson.RequiredString(root, "challenge", "challenge"),
                LarkJson.OptionalString(root, "token", "token"));
        }

        if (root.TryGetProperty("schema", out _))
        {
            return ParseV2(root);
        }

        return root.TryGetProperty("event", out _)
            ? new LarkInbound.OtherEvent(ReadV1Header(root))
            : new LarkInbound.Malformed("not a Lark event: no schema, event or url_verification type");
    }

    private static LarkInbound ParseV2(JsonElement root)
    {
        var schema = LarkJson.OptionalString(root, "schema", "schema");
        if (schema != "2.0")
        {
            return new LarkInbound.Malformed("schema must be \"2.0\"");
        }

        var header = LarkJson.RequiredObject(root, "header", "header");
        var eventHeader = new LarkEventHeader(
            LarkJson.RequiredString(header, "event_id", "header.event_id"),
            LarkJson.RequiredString(header, "event_type", "header.event_type"),
            LarkJson.RequiredString(header, "app_id", "header.app_id"),
            LarkJson.OptionalString(header, "token", "header.token"),
            LarkJson.OptionalTime(header, "create_time", "header.create_time", seconds: false),
            LarkJson.OptionalString(header, "tenant_key", "header.tenant_key"));

        return eventHeader.EventType switch
        {
            MessageReceiveEventType => LarkMessageEvent.Read(eventHeader, LarkJson.RequiredObject(root, "event", "event")),
            CardActionEventType => new LarkInbound.CardAction(eventHeader, LarkCardAction.Read(LarkJson.RequiredObject(root, "event", "event"))),
            _ => new LarkInbound.OtherEvent(eventHeader),
        };
    }

    private static LarkEventHeader ReadV1Header(JsonElement root)
    {
        var body = LarkJson.RequiredObject(root, "event", "event");
        return new LarkEventHeader(
            LarkJson.RequiredString(root, "uuid", "uuid"),
            LarkJson.RequiredString(body, "type", "event.type"),
            LarkJson.RequiredString(body, "app_id", "event.app_id"),
            LarkJson.OptionalString(root, "token", "token"),
            LarkJson.OptionalTime(root, "ts", "ts", seconds: true),
            LarkJson.OptionalString(body, "tenant_key", "event.tenant_key"));
    }
}
