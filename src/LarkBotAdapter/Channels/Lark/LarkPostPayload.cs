using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

/// <summary>The <c>content</c> of a Lark <c>post</c> message: one locale, paragraphs of nodes.</summary>
internal sealed record LarkPostContent([property: JsonPropertyName("zh_cn")] LarkPostBody ZhCn);

/// <summary>A post body: each inner array is a paragraph; an <c>md</c> node must be alone in its paragraph.</summary>
internal sealed record LarkPostBody([property: JsonPropertyName("content")] LarkPostNode[][] Content);

/// <summary>One post node, e.g. <c>{"tag":"md","text":"..."}</c>.</summary>
internal sealed record LarkPostNode(
    [property: JsonPropertyName("tag")] string Tag,
    [property: JsonPropertyName("text")] string Text);

/// <summary>The <c>content</c> of a Lark <c>text</c> message.</summary>
internal sealed record LarkPostPlainText([property: JsonPropertyName("text")] string Text);

[JsonSerializable(typeof(LarkPostContent))]
[JsonSerializable(typeof(LarkPostPlainText))]
internal sealed partial class LarkPostJsonContext : JsonSerializerContext;
