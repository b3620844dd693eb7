namespace Berichtenverkeer.Benchmarks.EndToEnd;

/// <summary>The bare echo's request: an id and the same XML the gateway receives.</summary>
public sealed record EchoRequest(string Id, string Xml);

/// <summary>The bare echo's reply, carrying the XML back as a gateway delivery carries it inline.</summary>
public sealed record EchoReply(string Id, string Xml);
