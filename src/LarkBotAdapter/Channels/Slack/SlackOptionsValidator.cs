using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Channels.Slack;

// Fails start-up with the variable to fix rather than at the first message.
internal sealed class SlackOptionsValidator : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options) =>
        options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
