using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Worker;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, MaxDepth = 16)]
[JsonSerializable(typeof(WorkJob))]
internal sealed partial class WorkJobJsonContext : JsonSerializerContext;
