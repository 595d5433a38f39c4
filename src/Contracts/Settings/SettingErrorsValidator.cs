using Microsoft.Extensions.Options;

namespace ChatOps.Settings;

// Fails start-up with the variables to fix rather than at the first message or request.
internal sealed class SettingErrorsValidator<T> : IValidateOptions<T>
    where T : class, IHasSettingErrors
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
