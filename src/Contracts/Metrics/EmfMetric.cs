namespace ChatOps.Metrics;

// How one instrument appears in CloudWatch: its metric name (the instrument's name), unit, and the dimension sets its
// EMF lines declare. Each set is a list of tag keys; a set is one more metric per combination of values (billed).
public sealed record EmfMetric(string Name, string Unit, IReadOnlyList<string[]> DimensionSets);
