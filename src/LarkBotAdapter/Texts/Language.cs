namespace ChatOps.LarkBotAdapter.Texts;

// Tells the language of a question; TurnLanguage.Of calls it once per turn.
public static class Language
{
    // True when a good share of the letters are CJK ideographs.
    public static bool LooksChinese(string text)
    {
        int cjk = 0, letters = 0;
        foreach (var c in text)
        {
            if (c is >= '\u4e00' and <= '\u9fff')
            {
                cjk++;
            }
            else if (char.IsLetter(c))
            {
                letters++;
            }
        }
        return cjk > 0 && cjk * 3 >= letters;
    }
}
