using System.Globalization;
using Berichtenverkeer.Cli.Arguments;
using RabbitMQ.Client.Exceptions;

namespace Berichtenverkeer.Cli.Errors;

/// <summary>
/// <c>berichtenverkeer errors list|requeue &lt;queue&gt; [--broker amqp://…] [--max N]</c>: the operator's view of a
/// gateway queue's error queue (&lt;queue&gt;_error, where MassTransit moves a command that failed with its reason),
/// and the way back once the cause is fixed.
/// </summary>
internal sealed class ErrorsCommand : ICommand
{
    /// <summary>Where the broker is found when --broker is not given: the gateway's own setting first.</summary>
    internal static readonly string[] BrokerVariables = ["ConnectionStrings__RabbitMq", "BERICHTENVERKEER_RABBITMQ"];

    private static readonly ArgumentParser Parser = new ArgumentParser()
        .Option("--broker", "amqp://user:pass@host:port/vhost", $"The RabbitMQ broker; default: ${BrokerVariables[0]}, then ${BrokerVariables[1]}")
        .Option("--max", "N", "list: show at most N messages (default 20); requeue: move at most N (default: all that are there when it starts)");

    public string Name => "errors";

    public string Summary => "Show the failed messages of a gateway queue, or send them back for reprocessing";

    public void WriteHelp(TextWriter writer)
    {
        writer.WriteLine("Usage: berichtenverkeer errors list <queue> [--broker amqp://…] [--max N]");
        writer.WriteLine("       berichtenverkeer errors requeue <queue> [--broker amqp://…] [--max N]");
        writer.WriteLine();
        writer.WriteLine("A command that fails for good (its retries used up, or a fault that retrying cannot fix) is moved to");
        writer.WriteLine("<queue>_error with its reason in the MT-Fault-* headers. 'list' shows how many there are and why;");
        writer.WriteLine("it leaves them where they are. 'requeue' moves them back to <queue>, oldest first, with their body and");
        writer.WriteLine("headers but without the fault headers, each one published with a broker confirm before it is removed");
        writer.WriteLine("from the error queue (at least once; the gateway ignores a message it has already recorded).");
        writer.WriteLine("Fix the cause first, or the messages come back.");
        writer.WriteLine();
        writer.WriteLine("<queue> is a gateway queue, e.g. berichtenverkeer-process-3 or berichtenverkeer-inbound (a name ending");
        writer.WriteLine("in _error means the same queue).");
        writer.WriteLine();
        Parser.WriteOptions(writer);
        writer.WriteLine();
        writer.WriteLine("Exit status: 0 done, 1 some messages could not be moved, 2 usage error or the broker cannot be reached.");
    }

    public int Run(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = Parser.Parse(args);
        if (parsed.Positionals.Count != 2 || parsed.Positionals[0] is not ("list" or "requeue"))
        {
            throw new UsageException("give 'list' or 'requeue' and one queue name");
        }

        var queue = parsed.Positionals[1];
        if (queue.EndsWith(ErrorQueue.Suffix, StringComparison.Ordinal))
        {
            queue = queue[..^ErrorQueue.Suffix.Length];
        }

        if (queue.Length == 0)
        {
            throw new UsageException("the queue name is empty");
        }

        var broker = Broker(parsed.Value("--broker"));
        long? max = parsed.Has("--max") ? parsed.PositiveInt64("--max", 1) : null;
        try
        {
            return parsed.Positionals[0] == "list"
                ? ErrorQueue.ListAsync(broker, queue, (int)Math.Min(max ?? 20, int.MaxValue), context.Out).GetAwaiter().GetResult()
                : ErrorQueue.RequeueAsync(broker, queue, max, context.Out, context.Error).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or IOException or TimeoutException)
        {
            context.Error.WriteLine($"berichtenverkeer errors: {Describe(ex)}");
            return ExitCodes.UsageOrIo;
        }
    }

    internal static Uri Broker(string? option)
    {
        var value = option ?? BrokerVariables.Select(Environment.GetEnvironmentVariable).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (value is null)
        {
            throw new UsageException($"no broker: give --broker amqp://user:pass@host:port/vhost or set {string.Join(" or ", BrokerVariables)}");
        }

        return Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "amqp" or "amqps" or "rabbitmq"
            ? uri
            : throw new UsageException($"--broker must be an amqp:// URI, not '{Redact(value)}'");
    }

    /// <summary>The URI without its password, for messages.</summary>
    internal static string Redact(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.UserInfo.Length > 0
            ? uri.Replace(parsed.UserInfo, parsed.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : uri;

    private static string Describe(Exception ex) => ex switch
    {
        BrokerUnreachableException => "the broker cannot be reached: " + (ex.InnerException?.Message ?? ex.Message),
        OperationInterruptedException oie => string.Create(CultureInfo.InvariantCulture, $"the broker refused: {oie.ShutdownReason?.ReplyText ?? oie.Message}"),
        _ => ex.Message,
    };
}
