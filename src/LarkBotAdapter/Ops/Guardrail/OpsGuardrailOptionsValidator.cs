using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Ops.Guardrail;

// Fails start-up naming the variable when the ops guardrail is half or wrongly configured.
internal sealed class OpsGuardrailOptionsValidator : IValidateOptions<OpsGuardrailOptions>
{
    public ValidateOptionsResult Validate(string? name, OpsGuardrailOptions options) =>
        options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
