using System.Runtime.CompilerServices;
using ChatOps.IntentRecognition;
using ChatOps.LarkBotAdapter.Routing;
using ChatOps.LarkBotAdapter.Texts;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.LarkBotAdapter.Knowledge.Local;

// Answers knowledge questions from the local documents without a model: the best one to three passages,
// quoted as written and cited by file and heading path, streamed one passage at a time.
public sealed class LocalKnowledgeResponder(LocalKnowledgeBase knowledge, ILogger<LocalKnowledgeResponder>? logger = null) : IResponder
{
    // Most passages in one answer.
    public const int MaxPassages = 3;

    // A follow-up this short ("and a restart?", "那回滚呢") borrows terms from the previous question.
    private const int ShortQuestionTerms = 6;

    public string Model => "embedded-runbooks";

    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    public Intent Intent => Intent.KnowledgeBase;

    public async IAsyncEnumerable<string> AnswerAsync(ResponderRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await Task.CompletedTask;
        var question = request.Turn.Text;
        var language = request.Language;
        if (!knowledge.IsAvailable)
        {
            yield return LocalKnowledgeText.Unavailable(knowledge.Problem ?? "", language);
            yield break;
        }
        var (hits, usedContext) = Find(question, request.History);
        Log.Answered(_logger, hits.Count, usedContext);
        if (hits.Count == 0)
        {
            yield return LocalKnowledgeText.NothingMatched(question, knowledge.Documents, language);
            yield break;
        }
        yield return LocalKnowledgeText.Opening(language);
        foreach (var hit in hits)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return LocalKnowledgeText.Passage(hit.Chunk);
        }
    }

    private (IReadOnlyList<KnowledgeHit> Hits, bool UsedContext) Find(string question, IReadOnlyList<ConversationTurn> history)
    {
        var hits = knowledge.Search(question, MaxPassages);
        var previous = history.LastOrDefault(t => t.Role == ConversationTurn.User)?.Text;
        if (previous is null || !IsShort(question) || !IsAmbiguous(hits))
        {
            return (hits, false);
        }
        var withContext = knowledge.Search(question, MaxPassages, previous);
        return withContext.Count > 0 ? (withContext, true) : (hits, false);
    }

    private static bool IsShort(string question) =>
        KnowledgeTokenizer.Tokenize(question).Where(t => t.Length == 1 || !KnowledgeTokenizer.IsCjk(t[0])).Distinct().Count()
        <= ShortQuestionTerms;

    // Few matches, or the best ones come from different documents: the question alone does not say which.
    private static bool IsAmbiguous(IReadOnlyList<KnowledgeHit> hits) =>
        hits.Count < 2 || hits.Skip(1).Any(h => h.Chunk.File != hits[0].Chunk.File);
}
