using Microsoft.Extensions.Options;

namespace ChatOps.QCliProxy.Configuration;

// Fails start-up with the variable to fix rather than at the first request.
internal sealed class ProxyOptionsValidator : IValidateOptions<ProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ProxyOptions options) =>
        options.Errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(options.Errors);
}
