using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Jobs;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, MaxDepth = 16)]
[JsonSerializable(typeof(WorkJob))]
internal sealed partial class WorkJobJsonContext : JsonSerializerContext;
