using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Lark;

// Fails start-up with the variable to fix rather than at the first message.
internal sealed class LarkOptionsValidator : IValidateOptions<LarkOptions>
{
    public ValidateOptionsResult Validate(string? name, LarkOptions options) =>
        options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
