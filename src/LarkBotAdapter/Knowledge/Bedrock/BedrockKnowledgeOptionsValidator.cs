using Microsoft.Extensions.Options;

namespace ChatOps.LarkBotAdapter.Knowledge.Bedrock;

// Fails start-up with the variable to fix rather than at the first question.
internal sealed class BedrockKnowledgeOptionsValidator : IValidateOptions<BedrockKnowledgeOptions>
{
    public ValidateOptionsResult Validate(string? name, BedrockKnowledgeOptions options) =>
        options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
