namespace ChatOps.Bench;

/// <summary>Which fake writes the answer: the knowledge base (a model) or the Q CLI proxy.</summary>
internal enum AnswerRoute
{
    Knowledge,
    Ops,
}
