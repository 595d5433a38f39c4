namespace ChatOps.Metrics;

// CHATOPS_METRICS: whether the program writes its metrics as EMF.
internal enum MetricsMode
{
    Off,
    Emf,
}
