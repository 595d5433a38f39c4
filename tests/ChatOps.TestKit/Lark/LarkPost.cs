using System.Text.Json.Nodes;

namespace ChatOps.TestKit.Lark;

/// <summary>Elements of a Lark <c>post</c> (rich text) paragraph, for <see cref="LarkEvent.Post"/>.</summary>
public static class LarkPost
{
    public static JsonObject Text(string text) => new() { ["tag"] = "text", ["text"] = text };

    public static JsonObject Link(string text, string href) => new() { ["tag"] = "a", ["text"] = text, ["href"] = href };

    /// <summary>An @ element; in events its <c>user_id</c> is the mention placeholder key.</summary>
    public static JsonObject At(string key, string userName) => new() { ["tag"] = "at", ["user_id"] = key, ["user_name"] = userName };

    public static JsonObject Code(string language, string code) =>
        new() { ["tag"] = "code_block", ["language"] = language, ["text"] = code };

    public static JsonObject Image(string imageKey = "img_v2_test") => new() { ["tag"] = "img", ["image_key"] = imageKey };

    public static JsonObject Emotion(string emojiType = "THUMBSUP") => new() { ["tag"] = "emotion", ["emoji_type"] = emojiType };
}
