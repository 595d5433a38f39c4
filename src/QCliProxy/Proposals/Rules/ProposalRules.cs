using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using ChatOps.Contracts;

namespace ChatOps.QCliProxy.Proposals.Rules;

// What a proposal must satisfy, checked by the proposal tool (so the model hears why at once) and again by the proxy
// when it takes the proposal from the spool (the CLI's user could have written that file itself).
internal static partial class ProposalRules
{
    public const int MaxSubject = 250;
    public const int MaxBody = ProposalContent.MaxShownChars;
    public const int MaxCcEmails = 10;
    public const int MaxArguments = 16;
    public const int MaxArgumentLength = 512;

    public static readonly IReadOnlyList<string> Severities = ["low", "normal", "high", "urgent", "critical"];

    private const string IdAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    // A new id: P- and 12 letters and digits (60 bits), unguessable enough that ids never collide in a spool.
    public static string NewId() => "P-" + RandomNumberGenerator.GetString(IdAlphabet, 12);

    public static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    // The proposal, or why it is refused.
    public static (ProposalDraft? Draft, string? Problem) Build(ProposalRequest request, SupportServices services, RunbookFolder runbooks)
    {
        if (!IsId(request.Id))
        {
            return (null, "the proposal id is malformed");
        }

        var (draft, problem) = request.Kind switch
        {
            QCliProposalKinds.SupportCase => SupportCase(request, services),
            QCliProposalKinds.RunbookAction => RunbookAction(request, runbooks),
            _ => (null, $"unknown proposal kind '{request.Kind}'"),
        };
        problem ??= ProposalContent.Problem(draft!.Fields);
        return problem is null ? (draft, null) : (null, problem);
    }

    private static (ProposalDraft?, string?) SupportCase(ProposalRequest r, SupportServices services)
    {
        var problem =
            Text("subject", r.Subject, MaxSubject, multiline: false)
            ?? Text("communication_body", r.CommunicationBody, MaxBody, multiline: true)
            ?? (r.SeverityCode is { } severity && Severities.Contains(severity) ? null : $"severity_code must be one of {string.Join(", ", Severities)}")
            ?? services.Problem
            ?? (r.ServiceCode is { } service && services.HasService(service) ? null : $"service_code '{r.ServiceCode}' is not in the AWS Support service list (use describe_services)")
            ?? (services.HasCategory(r.ServiceCode!, r.CategoryCode ?? "") ? null
                : $"category_code '{r.CategoryCode}' is not a category of {r.ServiceCode}; choose one of {string.Join(", ", services.CategoriesOf(r.ServiceCode!))}")
            ?? Emails(r.CcEmails);
        if (problem is not null)
        {
            return (null, problem);
        }

        List<QCliProposalField> fields =
        [
            new("subject", r.Subject!),
            new("service_code", r.ServiceCode!),
            new("category_code", r.CategoryCode!),
            new("severity_code", r.SeverityCode!),
            new("communication_body", r.CommunicationBody!),
        ];
        fields.AddRange((r.CcEmails ?? []).Select((e, i) => new QCliProposalField(Numbered("cc_email", i), e)));
        return (new ProposalDraft(r.Id!, QCliProposalKinds.SupportCase, $"Open an AWS Support case ({r.SeverityCode}): {r.Subject}", fields), null);
    }

    private static (ProposalDraft?, string?) RunbookAction(ProposalRequest r, RunbookFolder runbooks)
    {
        var (_, problem) = runbooks.Resolve(r.Runbook);
        problem ??= r.Action is { } action && ActionPattern().IsMatch(action)
            ? null
            : "action must be one word: letters, digits, '_' and '-' (at most 64)";
        var arguments = r.Arguments ?? [];
        problem ??= arguments.Count > MaxArguments ? $"at most {MaxArguments} arguments" : null;
        problem ??= arguments.Select((a, i) => Argument(a, i)).FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            return (null, problem);
        }

        List<QCliProposalField> fields = [new("runbook", r.Runbook!), new("action", r.Action!)];
        fields.AddRange(arguments.Select((a, i) => new QCliProposalField(Numbered("argument", i), a)));
        var title = $"Run runbook {r.Runbook} {r.Action}" + (arguments.Count == 0 ? "" : $" with {arguments.Count} argument(s)");
        return (new ProposalDraft(r.Id!, QCliProposalKinds.RunbookAction, title, fields), null);
    }

    private static string Numbered(string name, int index) => name + " " + (index + 1).ToString(CultureInfo.InvariantCulture);

    private static string? Text(string name, string? value, int max, bool multiline)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > max)
        {
            return $"{name} is required (at most {max} characters)";
        }

        return value.Any(c => char.IsControl(c) && !(multiline && c is '\n' or '\t' or '\r'))
            ? $"{name} must not contain control characters" + (multiline ? "" : " or line breaks")
            : null;
    }

    private static string? Emails(IReadOnlyList<string>? emails)
    {
        if (emails is null)
        {
            return null;
        }

        if (emails.Count > MaxCcEmails)
        {
            return $"at most {MaxCcEmails} cc_emails";
        }

        return emails.FirstOrDefault(e => e is null || e.Length > 254 || !EmailPattern().IsMatch(e)) is { } bad
            ? $"cc_emails: '{bad}' is not an email address"
            : null;
    }

    // An argument starting with '-' could be read as an option by the script or a command it calls.
    private static string? Argument(string? value, int index) =>
        value is null || value.Length > MaxArgumentLength || value.Any(char.IsControl)
            ? $"argument {index + 1} must be text of at most {MaxArgumentLength} characters without control characters"
            : value.StartsWith('-')
                ? $"argument {index + 1} must not start with '-' (it could be taken for an option)"
                : null;

    [GeneratedRegex(@"\AP-[A-Za-z0-9]{8,40}\z")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\A[A-Za-z0-9][A-Za-z0-9_-]{0,63}\z")]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"\A[^@\s,;<>""]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+\z")]
    private static partial Regex EmailPattern();
}
