using Berichtenverkeer.Audit.Events;
using Berichtenverkeer.Processing.Routing;

namespace Berichtenverkeer.Gateway.Outbox;

/// <summary>Where dispatched deliveries and audit events go: the bus in production, folders for a replay.</summary>
public interface IDeliverySink
{
    Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken);

    Task PublishAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}
