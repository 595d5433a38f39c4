namespace ChatOps.TestKit.Metrics;

/// <summary>One metric an EMF line declares: namespace, name, unit, dimension sets (tag keys) and its value.</summary>
public sealed record EmfMetricLine(string Namespace, string Name, string Unit, IReadOnlyList<IReadOnlyList<string>> DimensionSets, double Value);
