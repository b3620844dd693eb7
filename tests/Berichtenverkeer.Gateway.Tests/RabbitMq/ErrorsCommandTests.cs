using System.Text;
using Berichtenverkeer.Cli;
using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Messaging;
using Berichtenverkeer.Gateway.Tests.Support;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using Berichtenverkeer.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Berichtenverkeer.Gateway.Tests.RabbitMq;

/// <summary>
/// <c>berichtenverkeer errors list|requeue</c> against the real broker: the operator's way from a poison message in
/// the error queue, through fixing its cause, back to a processed message.
/// </summary>
public sealed class ErrorsCommandTests(RabbitMqBroker broker) : RabbitMqTest(broker)
{
    [RabbitMqFact]
    public async Task a_poison_command_is_listed_then_after_its_cause_is_fixed_requeued_and_processed()
    {
        var gateway = await StartGatewayAsync();
        var id = Guid.NewGuid().ToString("N");
        var key = $"{Traffic.Gemeente}|{Traffic.Agb}";
        var queue = ProcessQueue(QueueNames.PartitionOf(key, Partitions));
        var endpoint = await gateway.Services.GetRequiredService<IBus>().GetSendEndpoint(new Uri($"exchange:{queue}"));
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await endpoint.Send(new ProcessIjwMessage(id, "http", Traffic.Gemeente, DateTimeOffset.UtcNow, key), timeout.Token);
        }

        await Eventually.UntilAsync(async () => await Queues.CountAsync(queue + "_error") == 1, "the poison command in the error queue");

        var list = Cli("errors", "list", queue, "--broker", Broker.Uri.ToString());
        Assert.Equal(ExitCodes.Ok, list.ExitCode);
        Assert.Contains($"{queue}_error: 1 message", list.Out, StringComparison.Ordinal);
        Assert.Contains("1  ClaimNotFoundException", list.Out, StringComparison.Ordinal);
        Assert.Contains($"No inbound content is stored for message {id}", list.Out, StringComparison.Ordinal);
        // Listing leaves it there: the broker puts the looked-at message back when the listing's channel closes.
        await Eventually.UntilAsync(async () => await Queues.CountAsync(queue + "_error") == 1, "the listed command back in the error queue");

        // The cause: the claimed bytes were missing. An operator restores them, then sends the command back.
        await gateway.Ledger.SaveInboundAsync(new InboundMessage(id, Traffic.Utf8(Traffic.Text("JW301").Without("ReferentieAanbieder")), "http", Traffic.Gemeente, DateTimeOffset.UtcNow));
        var requeue = Cli("errors", "requeue", queue + "_error", "--broker", Broker.Uri.ToString());

        Assert.Equal(ExitCodes.Ok, requeue.ExitCode);
        Assert.Contains($"Moved 1 message from {queue}_error to {queue}; 0 left", requeue.Out, StringComparison.Ordinal);
        var record = await Eventually.ValueAsync(() => gateway.Ledger.FindAsync(id), "the requeued command to be processed");
        Assert.Equal(Disposition.Routed, record.Disposition);
        Assert.Equal(0u, await Queues.CountAsync(queue + "_error"));
    }

    [RabbitMqFact]
    public async Task requeue_keeps_body_message_id_and_other_headers_and_drops_the_fault_headers_up_to_max()
    {
        var queue = ExtraQueue("plain");
        var errorQueue = ExtraQueue("plain_error");
        await Queues.DeclareAsync(queue);
        await Queues.DeclareAsync(errorQueue);
        for (var i = 1; i <= 3; i++)
        {
            await Queues.PublishRawAsync(errorQueue, Encoding.UTF8.GetBytes($"{{\"message\":{{\"n\":{i}}}}}"), $"m{i}", new Dictionary<string, object?>
            {
                ["MT-Reason"] = "fault",
                ["MT-Fault-ExceptionType"] = "System.TimeoutException",
                ["MT-Fault-Message"] = $"timeout {i}",
                ["MT-Fault-RetryCount"] = 6,
                ["MT-Host-MachineName"] = "worker-1",
                ["x-delivery-count"] = 2,
                ["Partition-Key"] = "0363|12345678",
            });
        }

        var list = Cli("errors", "list", queue, "--broker", Broker.Uri.ToString(), "--max", "2");
        Assert.Contains($"{errorQueue}: 3 messages", list.Out, StringComparison.Ordinal);
        Assert.Contains("Reasons (of the first 2):", list.Out, StringComparison.Ordinal);
        Assert.Contains("2  TimeoutException", list.Out, StringComparison.Ordinal);

        var requeue = Cli("errors", "requeue", queue, "--broker", Broker.Uri.ToString(), "--max", "2");

        Assert.Equal(ExitCodes.Ok, requeue.ExitCode);
        Assert.Contains("Moved 2 messages", requeue.Out, StringComparison.Ordinal);
        Assert.Equal(1u, await Queues.CountAsync(errorQueue));
        for (var i = 1; i <= 2; i++)
        {
            var moved = (await Queues.GetRawAsync(queue))!;
            Assert.Equal($"m{i}", moved.BasicProperties.MessageId); // oldest first
            Assert.Equal($"{{\"message\":{{\"n\":{i}}}}}", Encoding.UTF8.GetString(moved.Body.Span));
            Assert.Equal("application/vnd.masstransit+json", moved.BasicProperties.ContentType);
            var headers = moved.BasicProperties.Headers!;
            Assert.Equal("0363|12345678", Encoding.UTF8.GetString((byte[])headers["Partition-Key"]!));
            Assert.DoesNotContain(headers.Keys, k => k.StartsWith("MT-Fault-", StringComparison.Ordinal) || k.StartsWith("MT-Host-", StringComparison.Ordinal) || k is "MT-Reason" or "x-delivery-count");
        }
    }

    [Fact]
    public void an_unreachable_broker_is_an_error_exit_2_and_the_password_is_not_printed()
    {
        var run = Cli("errors", "list", "q", "--broker", "amqp://operator:s3cret@127.0.0.1:1/");

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("cannot be reached", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", run.Error + run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("errors")]
    [InlineData("errors", "list")]
    [InlineData("errors", "purge", "q", "--broker", "amqp://localhost/")]
    [InlineData("errors", "list", "q", "--broker", "http://localhost/")]
    [InlineData("errors", "requeue", "q", "--broker", "amqp://localhost/", "--max", "0")]
    public void wrong_arguments_are_a_usage_error(params string[] args)
    {
        var run = Cli(args);

        Assert.Equal(ExitCodes.UsageOrIo, run.ExitCode);
        Assert.Contains("berichtenverkeer errors", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void help_names_both_verbs_and_the_broker_settings()
    {
        var run = Cli("errors", "--help");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("errors list <queue>", run.Out, StringComparison.Ordinal);
        Assert.Contains("errors requeue <queue>", run.Out, StringComparison.Ordinal);
        Assert.Contains("BERICHTENVERKEER_RABBITMQ", run.Out, StringComparison.Ordinal);
    }

    private static (int ExitCode, string Out, string Error) Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exitCode = Berichtenverkeer.Cli.Program.Run(args, stdout, stderr);
        return (exitCode, stdout.ToString(), stderr.ToString());
    }
}
