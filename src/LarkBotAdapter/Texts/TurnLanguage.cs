namespace ChatOps.LarkBotAdapter.Texts;

// The language the bot's own words take for one turn: decided once from the question's text (when the worker prepares
// the turn, or when an ingress or an approval view needs it) and passed along, so no text re-detects it.
public readonly record struct TurnLanguage(bool IsChinese)
{
    public static readonly TurnLanguage English = new(false);

    public static readonly TurnLanguage Chinese = new(true);

    // The language of a question: Chinese when a good share of its letters are CJK ideographs.
    public static TurnLanguage Of(string text) => new(Language.LooksChinese(text));

    // The one place an English/Chinese pair is chosen.
    public string Pick(string english, string chinese) => IsChinese ? chinese : english;
}
