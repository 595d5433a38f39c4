using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatOps.LarkBotAdapter.Approvals;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, MaxDepth = 16, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ApprovalRecord))]
[JsonSerializable(typeof(AuditEntry))]
internal sealed partial class ApprovalJsonContext : JsonSerializerContext;
