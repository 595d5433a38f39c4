using ChatOps.Bench;

// The whole app under load: signed, encrypted Lark @mentions (with redeliveries) answered through the Bedrock
// classifier, the knowledge base and the Q CLI proxy, all fakes on loopback; every answer is checked.
var options = BenchOptions.Parse(args);
return options.Mode switch
{
    "load" => await LoadMode.RunAsync(options),
    "soak" => await SoakMode.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: LoadBench [load] [--messages N] [--seconds S] [--duplicates F] [--chats N] [--users N] [--state memory|dynalite]");
    Console.Error.WriteLine("       LoadBench soak [--minutes M] [--rate R] [--warmup-seconds S] [--sample-seconds S] [--duplicates F] [--state memory|dynalite]");
    Console.Error.WriteLine("       common: [--classify-ms N] [--frame-ms N] [--concurrency N] [--drain-timeout S] [--warmup N (load)]");
    return 2;
}
