namespace ChatOps.OpsAgent.Gate;

// The kinds kubectl may read, lower-case, as kubectl spells them (plural, singular, short name). Anything else —
// secrets in any case or group ("Secret", "secrets.v1.", "v1/secrets"), configmaps (often hold credentials), custom
// resources, "kind.group" forms — is refused: the list is what is allowed, not what is denied.
internal static class KubectlKinds
{
    // Each line: the plural kubectl prints, then the other spellings it accepts.
    private static readonly string[][] Groups =
    [
        ["pods", "pod", "po"], ["services", "service", "svc"], ["deployments", "deployment", "deploy"],
        ["replicasets", "replicaset", "rs"], ["statefulsets", "statefulset", "sts"], ["daemonsets", "daemonset", "ds"],
        ["jobs", "job"], ["cronjobs", "cronjob", "cj"], ["nodes", "node", "no"], ["namespaces", "namespace", "ns"],
        ["events", "event", "ev"], ["ingresses", "ingress", "ing"], ["endpoints", "ep"],
        ["persistentvolumeclaims", "persistentvolumeclaim", "pvc"], ["persistentvolumes", "persistentvolume", "pv"],
        ["horizontalpodautoscalers", "horizontalpodautoscaler", "hpa"], ["poddisruptionbudgets", "poddisruptionbudget", "pdb"],
        ["storageclasses", "storageclass", "sc"], ["networkpolicies", "networkpolicy", "netpol"],
        ["serviceaccounts", "serviceaccount", "sa"], ["resourcequotas", "resourcequota", "quota"],
        ["limitranges", "limitrange", "limits"], ["all"],
    ];

    public static readonly IReadOnlySet<string> Readable = Groups.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);

    // What `kubectl logs KIND/NAME` accepts among the readable kinds.
    public static readonly IReadOnlySet<string> WithLogs = new HashSet<string>(StringComparer.Ordinal)
    {
        "pods", "pod", "po", "deployments", "deployment", "deploy", "statefulsets", "statefulset", "sts",
        "daemonsets", "daemonset", "ds", "jobs", "job", "replicasets", "replicaset", "rs",
    };

    public static readonly IReadOnlySet<string> WithTop = new HashSet<string>(StringComparer.Ordinal) { "pod", "pods", "node", "nodes" };

    public static string Describe(IReadOnlySet<string> kinds) => ReferenceEquals(kinds, Readable)
        ? string.Join(", ", Groups.Select(g => g[0])) + ", each also singular or short"
        : string.Join(", ", kinds.Order(StringComparer.Ordinal));
}
