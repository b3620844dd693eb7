using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Gateway.Outbox;
using Berichtenverkeer.Processing.Routing;

namespace Berichtenverkeer.Gateway.Replay;

/// <summary>
/// Where a replay's deliveries go: answers to <c>answers/</c>, routed messages to <c>routed/&lt;recipient&gt;/</c>,
/// error notices to <c>errors/</c>, audit events to <c>audit.jsonl</c>.
/// </summary>
public sealed class FolderDeliverySink : IDeliverySink, IDisposable
{
    private readonly string _root;
    private readonly StreamWriter _audit;
    private readonly Lock _auditLock = new();

    public FolderDeliverySink(string root)
    {
        _root = root;
        Directory.CreateDirectory(root);
        _audit = new StreamWriter(Path.Combine(root, "audit.jsonl"), append: false) { NewLine = "\n" };
    }

    public string AuditPath => Path.Combine(_root, "audit.jsonl");

    public async Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var folder = delivery.Kind switch
        {
            DeliveryKind.Answer => Path.Combine(_root, "answers"),
            DeliveryKind.Routed => Path.Combine(_root, "routed", delivery.Recipient),
            _ => Path.Combine(_root, "errors"),
        };
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, delivery.FileName), delivery.Content, cancellationToken);
    }

    public Task PublishAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var line = AuditJson.Serialize(auditEvent);
        lock (_auditLock)
        {
            _audit.WriteLine(line);
        }

        return Task.CompletedTask;
    }

    /// <summary>Partitions run side by side, so events arrive interleaved: sort by message, keeping each message's step order.</summary>
    public void Complete()
    {
        lock (_auditLock)
        {
            _audit.Flush();
            _audit.Dispose();
        }

        AuditFileSorter.Sort(AuditPath);
    }

    public void Dispose() => _audit.Dispose();
}
