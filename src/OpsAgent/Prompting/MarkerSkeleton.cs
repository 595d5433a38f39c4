using System.Globalization;
using System.Text;

namespace ChatOps.OpsAgent.Prompting;

// How a line reads to a model, for spotting look-alike question markers: the compatibility forms of Latin letters
// (full-width, mathematical, circled, squared, regional indicators: what NFKC folds, written out because the app runs
// with invariant globalization, where string.Normalize leaves them as they are) made plain, format characters
// (zero-width, bidi controls) dropped, Cyrillic and Greek letters that look Latin folded to Latin, upper-cased, and only
// the letters A–Z kept, so spacing and dashes do not matter.
internal static class MarkerSkeleton
{
    private static readonly Dictionary<int, char> LookAlikes = Fold(
        "АA ВB ЕE НH ІI ЈJ КK МM ОO РP СC ТT ХX ЅS ԚQ ԀD ԌG ЁE ЄE ЇI аA вB еE һH іI јJ кK мM оO рP сC тT хX ѕS ԛQ ԁD ԍG ёE үY"
        + " ΑA ΒB ΕE ΗH ΙI ΚK ΜM ΝN ΟO ΡP ΤT ΧX ΥY ΖZ οO ιI νV ϲC ϳJ");

    // First code point of a run of 26 letters A–Z in another form.
    private static readonly int[] LetterRuns = [0xFF21, 0xFF41, 0x24B6, 0x24D0, 0x1F130, 0x1F150, 0x1F170, 0x1F1E6];

    public static string Of(string line)
    {
        var skeleton = new StringBuilder(line.Length);
        foreach (var rune in line.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                continue;
            }

            var letter = char.ToUpperInvariant(Plain(rune.Value));
            if (letter is >= 'A' and <= 'Z')
            {
                skeleton.Append(letter);
            }
        }

        return skeleton.ToString();
    }

    private static char Plain(int value)
    {
        if (value < 0x80)
        {
            return (char)value;
        }

        if (LookAlikes.TryGetValue(value, out var latin))
        {
            return latin;
        }

        // Mathematical alphanumeric letters: styles of 52 (A–Z, a–z) from U+1D400 to U+1D6A3.
        if (value is >= 0x1D400 and <= 0x1D6A3)
        {
            return (char)('A' + ((value - 0x1D400) % 52 % 26));
        }

        foreach (var start in LetterRuns)
        {
            if (value >= start && value < start + 26)
            {
                return (char)('A' + (value - start));
            }
        }

        return ' ';
    }

    // "XY" pairs: X reads as Y.
    private static Dictionary<int, char> Fold(string pairs) =>
        pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToDictionary(p => (int)p[0], p => p[1]);
}
