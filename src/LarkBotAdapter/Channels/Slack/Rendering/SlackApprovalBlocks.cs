using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ChatOps.LarkBotAdapter.Conversations.Approvals;
using ChatOps.LarkBotAdapter.Scrubbing;
using ChatOps.LarkBotAdapter.Texts;

namespace ChatOps.LarkBotAdapter.Channels.Slack.Rendering;

// The approval card as Block Kit: a header, who asked (and the proposal id and AWS profile), every argument verbatim in
// code (escaped, so nothing the model wrote can format, mention or link), who may approve, the result once run, the
// status line, and while it is open an actions block with Approve (primary) / Reject (danger) whose value carries
// the proposal id and its arguments hash. Whatever exceeds a Block Kit limit is cut where everyone sees it was cut.
// Values are scrubbed here (ApprovalCardScrubber), so the blocks and the text mask alike however they are sent.
public static class SlackApprovalBlocks
{
    public const string ApproveActionId = "chatops_approval_approve";
    public const string RejectActionId = "chatops_approval_reject";

    // Block Kit limits: header text, section text, blocks per message, button value.
    public const int MaxHeaderChars = 150;
    public const int MaxSectionChars = 3_000;
    public const int MaxBlocks = 50;
    public const int MaxButtonValueChars = ApprovalButton.MaxValueChars;

    // Blocks besides the arguments: header, asker, approvers, result, status, actions, and one spare for a cut notice.
    private const int MaxArgumentBlocks = MaxBlocks - 7;

    // An argument longer than this (or with several lines) gets a section of its own, in a code block.
    private const int InlineChars = 120;

    // The fallback text (notifications, clients without blocks) is kept well under Slack's message limit.
    private const int MaxFallbackChars = 3_000;

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(ApprovalCard card)
    {
        card = ApprovalCardScrubber.Scrub(card);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Writer))
        {
            json.WriteStartArray();
            foreach (var block in Blocks(card))
            {
                block(json);
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // The message's text: what a notification shows, so it names the approvers while the proposal is open.
    public static string Text(ApprovalCard card)
    {
        card = ApprovalCardScrubber.Scrub(card);
        var text = $"{SlackText.Escape(card.Heading)} ({SlackText.Escape(card.ProposalId)}). {card.StatusLineNaming(Mention)}";
        if (card.IsOpen)
        {
            text += " " + ApprovalTexts.WhoMayApprove(card.Language, label => label, Approvers(card));
        }
        return Clip(text, MaxFallbackChars, "…");
    }

    // A Slack mention of a user id; ids are letters and digits (U…, W…), anything else is dropped.
    public static string Mention(string userId) => $"<@{new string(userId.Where(char.IsAsciiLetterOrDigit).ToArray())}>";

    private static IEnumerable<Action<Utf8JsonWriter>> Blocks(ApprovalCard card)
    {
        yield return json => Header(json, card.Heading);
        yield return json => Section(json, ApprovalTexts.AskedBy(
            card.Language, Bold, Mention(card.AskerId), Code(card.ProposalId), Code(card.Profile)));
        var arguments = ArgumentSections(card).ToList();
        foreach (var text in arguments.Take(MaxArgumentBlocks))
        {
            yield return json => Section(json, text);
        }
        if (arguments.Count > MaxArgumentBlocks)
        {
            var hidden = arguments.Count - MaxArgumentBlocks;
            yield return json => Section(json, ApprovalTexts.SectionsHidden(card.Language, hidden, MaxBlocks));
        }
        yield return json => Section(json, ApprovalTexts.WhoMayApprove(card.Language, Bold, Approvers(card))
            + (card.SelfApproval ? "" : ApprovalTexts.NotTheAsker(card.Language)));
        if (card.ShownResult is { } result)
        {
            yield return json => Section(json, CodeBlock("", result, card));
        }
        // Our own words, times and the decider's mention: nothing to escape.
        yield return json => Context(json, card.StatusLineNaming(Mention));
        if (card.IsOpen)
        {
            yield return json => Actions(json, card);
        }
    }

    // Short single-line arguments as name: `value` lines, packed into sections; long ones each in a section of their own.
    private static IEnumerable<string> ArgumentSections(ApprovalCard card)
    {
        var pack = new StringBuilder();
        foreach (var field in card.Fields)
        {
            var name = $"*{Plain(field.Name)}*";
            if (field.Value.Contains('\n', StringComparison.Ordinal) || field.Value.Length > InlineChars)
            {
                if (pack.Length > 0)
                {
                    yield return pack.ToString();
                    pack.Clear();
                }
                yield return CodeBlock(name + "\n", field.Value, card);
                continue;
            }
            var line = $"{name}: {Code(field.Value)}";
            if (pack.Length > 0 && pack.Length + 1 + line.Length > MaxSectionChars)
            {
                yield return pack.ToString();
                pack.Clear();
            }
            pack.Append(pack.Length > 0 ? "\n" : "").Append(line);
        }
        if (pack.Length > 0)
        {
            yield return pack.ToString();
        }
    }

    // prefix + the value in a code block, cut to fit one section with a visible note of how much was left out.
    private static string CodeBlock(string prefix, string value, ApprovalCard card)
    {
        const string Open = "```\n", Close = "\n```";
        var body = value.Replace("```", "ˋˋˋ", StringComparison.Ordinal);
        var whole = prefix + Open + SlackText.Escape(body) + Close;
        if (whole.Length <= MaxSectionChars)
        {
            return whole;
        }
        var noteReserve = 80;
        var budget = MaxSectionChars - prefix.Length - Open.Length - Close.Length - noteReserve;
        var kept = Fit(body, budget);
        var note = ApprovalTexts.CutHere(card.Language, body.Length - kept.Length);
        return prefix + Open + SlackText.Escape(kept) + "…" + Close + note;
    }

    // The longest start of text whose escaped form fits budget, never splitting a surrogate pair.
    private static string Fit(string text, int budget)
    {
        var n = Math.Min(text.Length, Math.Max(budget, 0));
        while (n > 0)
        {
            if (char.IsHighSurrogate(text[n - 1]))
            {
                n--;
                continue;
            }
            var over = SlackText.Escape(text[..n]).Length - budget;
            if (over <= 0)
            {
                break;
            }
            n -= Math.Max(over / 4, 1);
        }
        return text[..Math.Max(n, 0)];
    }

    private static string Approvers(ApprovalCard card) => card.Approvers.Count == 0
        ? ApprovalTexts.NoApprovers(card.Language)
        : string.Join(" ", card.Approvers.Select(Mention));

    // A label in Slack's bold.
    private static string Bold(string label) => $"*{label}*";

    // Inline code: one line, no backticks, Slack's three characters escaped.
    private static string Code(string value) =>
        "`" + SlackText.Escape(Fit(value.Replace("`", "ˋ", StringComparison.Ordinal).Replace('\n', ' '), MaxSectionChars / 2)) + "`";

    // Names come from the proxy's fixed list; still, nothing in them may become markup.
    private static string Plain(string value) => new(value.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '_' or '-').Take(100).ToArray());

    private static string Clip(string value, int max, string mark) => value.Length <= max ? value : Fit(value, max - mark.Length) + mark;

    private static void Header(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject();
        json.WriteString("type", "header");
        TextObject(json, "text", "plain_text", text.Length <= MaxHeaderChars ? text : Fit(text, MaxHeaderChars - 1) + "…");
        json.WriteEndObject();
    }

    private static void Section(Utf8JsonWriter json, string mrkdwn)
    {
        json.WriteStartObject();
        json.WriteString("type", "section");
        TextObject(json, "text", "mrkdwn", Clip(mrkdwn.Length == 0 ? " " : mrkdwn, MaxSectionChars, "…"));
        json.WriteEndObject();
    }

    private static void Context(Utf8JsonWriter json, string mrkdwn)
    {
        json.WriteStartObject();
        json.WriteString("type", "context");
        json.WriteStartArray("elements");
        json.WriteStartObject();
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", Clip(mrkdwn, MaxSectionChars, "…"));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Actions(Utf8JsonWriter json, ApprovalCard card)
    {
        var value = ApprovalButton.Json(card);
        json.WriteStartObject();
        json.WriteString("type", "actions");
        json.WriteStartArray("elements");
        Button(json, ApprovalTexts.Approve(card.Language), ApproveActionId, "primary", value);
        Button(json, ApprovalTexts.Reject(card.Language), RejectActionId, "danger", value);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Button(Utf8JsonWriter json, string label, string actionId, string style, string value)
    {
        json.WriteStartObject();
        json.WriteString("type", "button");
        TextObject(json, "text", "plain_text", label);
        json.WriteString("action_id", actionId);
        json.WriteString("style", style);
        json.WriteString("value", value);
        json.WriteEndObject();
    }

    private static void TextObject(Utf8JsonWriter json, string property, string type, string text)
    {
        json.WriteStartObject(property);
        json.WriteString("type", type);
        json.WriteString("text", text);
        if (type == "plain_text")
        {
            json.WriteBoolean("emoji", true);
        }
        json.WriteEndObject();
    }
}
