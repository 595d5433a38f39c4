namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// Words too common to tell passages apart.
internal static class StopWords
{
    private static readonly HashSet<string> English = new(
    [
        "a", "about", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
        "before", "being", "but", "by", "can", "could", "did", "do", "does", "doing", "don", "each", "else", "for",
        "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "if", "in", "into", "is", "it", "its",
        "just", "let", "me", "might", "must", "my", "no", "not", "of", "on", "once", "only", "or", "other", "our",
        "ours", "please", "she", "should", "so", "some", "such", "than", "that", "the", "their", "them", "then",
        "there", "these", "they", "this", "those", "to", "too", "us", "very", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "shall",
        "may", "tell", "doesn", "isn", "wasn", "aren", "didn", "won", "ll", "ve", "re",
        // Chat filler: common in questions, says nothing about which passage is meant.
        "anyone", "anything", "best", "good", "great", "hello", "help", "hey", "hi", "know", "like", "lot", "lots",
        "ok", "okay", "really", "someone", "something", "thank", "thanks", "thing", "things", "want", "way",
    ], StringComparer.Ordinal);

    private static readonly HashSet<char> ChineseChars =
    [
        '的', '了', '是', '在', '和', '与', '及', '或', '吗', '呢', '吧', '啊', '呀', '嘛', '么', '我', '你', '他',
        '她', '它', '们', '这', '那', '个', '就', '都', '也', '把', '被', '给', '让', '请', '该', '怎', '什', '哪',
        '些', '啥', '如', '何', '为', '有', '还', '得', '着', '过',
    ];

    private static readonly HashSet<string> ChinesePairs = new(
    [
        "一下", "请问", "是否", "可以", "应该", "怎样", "能否", "需不", "到底", "现在",
    ], StringComparer.Ordinal);

    public static bool IsEnglishStop(string word) => English.Contains(word);

    public static bool IsChineseStop(char c) => ChineseChars.Contains(c);

    public static bool IsChineseStopPair(string pair) => ChinesePairs.Contains(pair);
}
