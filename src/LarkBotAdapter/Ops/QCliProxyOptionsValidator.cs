using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Ops;

// Fails start-up with the variable to fix rather than at the first ops question.
internal sealed class QCliProxyOptionsValidator : IValidateOptions<QCliProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, QCliProxyOptions options) =>
        options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
