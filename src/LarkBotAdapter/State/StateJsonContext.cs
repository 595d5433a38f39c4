using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace ChatOps.LarkBotAdapter.State;

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<StoredTurn>))]
[JsonSerializable(typeof(StoredTurn))]
[JsonSerializable(typeof(AlarmEpisode))]
internal sealed partial class StateJsonContext : JsonSerializerContext
{
    // Keeps non-ASCII text (Chinese) unescaped: it is stored, never embedded in HTML, and
    // \uXXXX escapes would double its share of the 400 KB item limit.
    public static StateJsonContext Compact { get; } = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
