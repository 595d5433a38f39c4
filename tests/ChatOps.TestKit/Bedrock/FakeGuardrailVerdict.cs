namespace ChatOps.TestKit.Bedrock;

/// <summary>What the fake's ApplyGuardrail answers for one text: <c>NONE</c>, or <c>GUARDRAIL_INTERVENED</c> with outputs.</summary>
public sealed record FakeGuardrailVerdict(bool Intervened, IReadOnlyList<string> Outputs)
{
    public static FakeGuardrailVerdict Pass { get; } = new(false, []);

    public static FakeGuardrailVerdict Intervene(params string[] outputs) => new(true, outputs);
}
