using System.Globalization;

namespace ChatOps.Settings;

// Parses environment settings for both programs, recording an error that names the variable instead of throwing.
// The variable names are a contract (docs), so each options class still names and checks its own variables.
internal sealed class SettingReader(IConfiguration configuration, List<string> errors)
{
    private static readonly char[] Whitespace = [' ', '\t'];

    public string? Text(string name)
    {
        var value = configuration[name];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public bool Flag(string name, bool fallback)
    {
        var value = Text(name);
        switch (value?.ToLowerInvariant())
        {
            case null:
                return fallback;
            case "true" or "1" or "yes":
                return true;
            case "false" or "0" or "no":
                return false;
            default:
                errors.Add($"{name} must be true or false, not '{value}'.");
                return fallback;
        }
    }

    public int Integer(string name, int fallback, int min, int max)
    {
        var value = Text(name);
        if (value is null)
        {
            return fallback;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add($"{name} must be a whole number from {min} to {max}, not '{value}'.");
        return fallback;
    }

    // A decimal number such as 0.85 (invariant culture: a point, never a comma).
    public double Number(string name, double fallback, double min, double max)
    {
        var value = Text(name);
        if (value is null)
        {
            return fallback;
        }

        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        errors.Add($"{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, not '{value}'.");
        return fallback;
    }

    // One of an enum's names, in lower case (e.g. QCLI_SANDBOX=bwrap).
    public T Choice<T>(string name, T fallback)
        where T : struct, Enum
    {
        var value = Text(name);
        if (value is null)
        {
            return fallback;
        }

        if (!value.Any(char.IsAsciiDigit) && Enum.TryParse<T>(value, ignoreCase: true, out var choice))
        {
            return choice;
        }

        var names = string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        errors.Add($"{name} must be one of {names}, not '{value}'.");
        return fallback;
    }

    // A comma-separated list; an explicitly empty value is an empty list, an unset one is null.
    public IReadOnlyList<string>? List(string name)
    {
        var value = configuration[name];
        return value is null
            ? null
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    // A comma-separated list whose positions matter (one entry per app, in the same order as another list): empty
    // entries are kept as "", so a missing one can be named; an unset or blank value is an empty list.
    public IReadOnlyList<string> Positional(string name)
    {
        var value = configuration[name];
        return string.IsNullOrWhiteSpace(value) ? [] : value.Split(',', StringSplitOptions.TrimEntries);
    }

    // An absolute http(s) address used as a base (it always ends in "/"), or fallback when unset.
    public Uri BaseUrl(string name, Uri fallback)
    {
        if (Text(name) is not { } value)
        {
            return fallback;
        }
        if (Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            return uri;
        }
        errors.Add($"{name} is not an absolute http(s) URL (default {fallback.OriginalString.TrimEnd('/')}).");
        return fallback;
    }

    // Space-separated words (no quoting: arguments with spaces are not supported here on purpose).
    public IReadOnlyList<string>? Words(string name)
    {
        var value = configuration[name];
        return value is null ? null : value.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries);
    }
}
