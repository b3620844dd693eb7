using System.Diagnostics;
using Berichtenverkeer.Contracts;
using Berichtenverkeer.Gateway.Hosting;
using Berichtenverkeer.Gateway.Outbox;
using Berichtenverkeer.Gateway.Telemetry;
using Berichtenverkeer.Processing;
using Berichtenverkeer.Processing.Ledger;
using MassTransit;

namespace Berichtenverkeer.Gateway.Messaging;

/// <summary>Fetches the claimed bytes and runs the pipeline; the logic lives in <see cref="MessagePipeline"/>.</summary>
public sealed class ProcessIjwMessageConsumer(
    IMessageLedger ledger,
    MessagePipeline pipeline,
    SystemDate today,
    GatewayTelemetry telemetry,
    OutboxSignal outbox) : IConsumer<ProcessIjwMessage>
{
    public async Task Consume(ConsumeContext<ProcessIjwMessage> context)
    {
        using var activity = GatewayTelemetry.Source.StartActivity("process ijw message");
        activity?.SetTag("berichtenverkeer.message_id", context.Message.MessageId);
        var started = Stopwatch.GetTimestamp();
        var inbound = await ledger.LoadInboundAsync(context.Message.MessageId, context.CancellationToken)
            ?? throw new ClaimNotFoundException(context.Message.MessageId);
        var record = await pipeline.ProcessAsync(inbound, today.Value, context.CancellationToken);
        activity?.SetTag("berichtenverkeer.message_type", record.MessageType);
        activity?.SetTag("berichtenverkeer.disposition", record.Disposition.ToString());
        telemetry.Record(record, Stopwatch.GetElapsedTime(started));
        outbox.Notify();
    }
}

/// <summary>The bytes a command names are not in the inbox: retrying cannot help; the command goes to the error queue with this reason.</summary>
public sealed class ClaimNotFoundException(string messageId)
    : Exception($"No inbound content is stored for message {messageId}; the claim check cannot be redeemed.");
