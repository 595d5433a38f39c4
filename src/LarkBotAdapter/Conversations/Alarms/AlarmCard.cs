namespace ChatOps.LarkBotAdapter.Conversations.Alarms;

// An alarm's root message as every platform shows it: a heading, label/value fields (values are untrusted text that
// channels escape), and the console link. Alarms builds it; channels only lay it out, and the scrubber masks its values.
public sealed record AlarmCard(string Heading, AlarmTone Tone, IReadOnlyList<AlarmCardField> Fields, string? Link)
{
    // The card as plain text (notification fallback, logs of what was shown).
    public string PlainText => Heading + "\n" + string.Join("\n", Fields.Select(f => $"{f.Label}: {f.Value}")) + (Link is null ? "" : "\n" + Link);
}
