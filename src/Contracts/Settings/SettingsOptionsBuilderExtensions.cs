using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ChatOps.Settings;

internal static class SettingsOptionsBuilderExtensions
{
    // The one way options are checked: the errors the reader recorded fail start-up, naming the variable.
    public static OptionsBuilder<T> ValidateSettingsOnStart<T>(this OptionsBuilder<T> builder)
        where T : class, IHasSettingErrors
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, SettingErrorsValidator<T>>());
        return builder.ValidateOnStart();
    }
}
