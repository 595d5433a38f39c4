using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Channels.Lark.Rendering;

// The content of a Lark post message: one locale, paragraphs of nodes.
internal sealed record LarkPostContent([property: JsonPropertyName("zh_cn")] LarkPostBody ZhCn);

// A post body: each inner array is a paragraph; an md node must be alone in its paragraph.
internal sealed record LarkPostBody([property: JsonPropertyName("content")] LarkPostNode[][] Content);

// One post node, e.g. {"tag":"md","text":"..."}.
internal sealed record LarkPostNode(
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("text")] string Text);

// The content of a Lark text message.
internal sealed record LarkPostPlainText([property: JsonPropertyName("text")] string Text);

[JsonSerializable(typeof(LarkPostContent))]
[JsonSerializable(typeof(LarkPostPlainText))]
internal sealed partial class LarkPostJsonContext : JsonSerializerContext;
