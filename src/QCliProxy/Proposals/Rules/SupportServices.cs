using System.Text.Json;

namespace ChatOps.QCliProxy.Proposals.Rules;

// The service and category codes a support case may name: the JSON that `aws support describe-services` prints
// ({"services":[{"code","name","categories":[{"code","name"}]}]}), saved by an administrator. Without it no support
// case can be proposed: guessed codes would be refused by the Support API only after a person approved them.
internal sealed class SupportServices
{
    private readonly Dictionary<string, HashSet<string>> _categories;

    private SupportServices(Dictionary<string, HashSet<string>> categories, string? problem)
    {
        _categories = categories;
        Problem = problem;
    }

    // Why no support case can be proposed, or null when the list was read.
    public string? Problem { get; }

    public static SupportServices Load(string? path)
    {
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return new([], $"this proxy has no AWS Support service list ({path ?? "QCLI_SUPPORT_SERVICES_FILE unset"}); an administrator must save `aws support describe-services` there");
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var categories = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var service in document.RootElement.GetProperty("services").EnumerateArray())
            {
                var codes = new HashSet<string>(StringComparer.Ordinal);
                if (service.TryGetProperty("categories", out var list))
                {
                    foreach (var category in list.EnumerateArray())
                    {
                        codes.Add(category.GetProperty("code").GetString() ?? "");
                    }
                }

                categories[service.GetProperty("code").GetString() ?? ""] = codes;
            }

            return new(categories, categories.Count == 0 ? $"the AWS Support service list {path} is empty" : null);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return new([], $"the AWS Support service list {path} is not the output of `aws support describe-services`");
        }
    }

    public bool HasService(string code) => _categories.ContainsKey(code);

    public bool HasCategory(string service, string category) => _categories.TryGetValue(service, out var codes) && codes.Contains(category);

    public IEnumerable<string> CategoriesOf(string service) => _categories.TryGetValue(service, out var codes) ? codes.Order(StringComparer.Ordinal) : [];
}
