namespace ChatOps.LarkBotAdapter.Local;

// Log entries of a console command, through its ConsoleReport. Without --verbose: warnings and errors become problem
// lines (without exception or stack trace; Bedrock failures with what to check), and the retry pipeline's own entries
// (Polly, HttpClient) are left out because the caller's failure line says the same once. With --verbose: every entry
// from Information up, with its category, event id and exception.
public sealed class ConsoleReportLoggerProvider(ConsoleReport report) : ILoggerProvider
{
    // ChatOps.IntentRecognition's "Bedrock Converse failed with {StatusCode} {ErrorType}" and "using the local classifier".
    private const int BedrockFailedEvent = 8002;
    private const int FallingBackEvent = 8004;

    private static readonly string[] RetryCategories = ["Polly", "System.Net.Http.HttpClient", "Microsoft.Extensions.Http"];

    public ILogger CreateLogger(string categoryName) => new ReportLogger(report, categoryName);

    public void Dispose()
    {
    }

    private sealed class ReportLogger(ConsoleReport report, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= (report.Verbose ? LogLevel.Information : LogLevel.Warning);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception);
            if (report.Verbose)
            {
                report.Detail($"{logLevel.ToString().ToLowerInvariant()}: {category}[{eventId.Id}] {message}{(exception is null ? "" : Environment.NewLine + exception)}");
                if (logLevel < LogLevel.Warning || RetryCategories.Any(c => category.StartsWith(c, StringComparison.Ordinal)))
                {
                    return;
                }
            }
            else if (RetryCategories.Any(c => category.StartsWith(c, StringComparison.Ordinal)))
            {
                return;
            }

            if (Line(eventId.Id, state, message) is { } line)
            {
                report.Problem(line);
            }
        }

        // The problem line of an entry; null when another line already says it.
        private static string? Line<TState>(int eventId, TState state, string message)
        {
            var fields = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            var status = fields.FirstOrDefault(f => f.Key == "StatusCode").Value;
            return eventId switch
            {
                BedrockFailedEvent when status is int code =>
                    ProblemText.BedrockFailed(code, fields.FirstOrDefault(f => f.Key == "ErrorType").Value as string),
                // An AWS error answer was already reported by the Bedrock classifier's own line.
                FallingBackEvent when status is not null => null,
                _ => message,
            };
        }
    }
}
