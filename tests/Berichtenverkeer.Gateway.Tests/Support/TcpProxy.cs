using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Berichtenverkeer.Gateway.Tests.Support;

/// <summary>
/// A TCP relay on 127.0.0.1 between the gateway and the broker, so a test can take the network away: <see cref="Cut"/>
/// resets every open connection at once (as a failing switch or a broker crash would), and while
/// <see cref="Refusing"/> is set new connections are dropped on arrival (the broker is "down"). Works with any broker
/// the fixture provides, without the management plugin or rabbitmqctl.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly string _upstreamHost;
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, (Socket Client, Socket Upstream)> _open = new();
    private readonly Task _accepting;
    private long _next;
    private int _cuts;
    private int _refused;

    public TcpProxy(string upstreamHost, int upstreamPort)
    {
        _upstreamHost = upstreamHost;
        _upstreamPort = upstreamPort;
        _listener.Start();
        _accepting = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>While true, new connections are accepted and reset at once.</summary>
    public bool Refusing { get; set; }

    public int OpenConnections => _open.Count;

    public int ConnectionsCut => _cuts;

    /// <summary>Connection attempts turned away while <see cref="Refusing"/>: the gateway trying to reconnect.</summary>
    public int ConnectionsRefused => Volatile.Read(ref _refused);

    /// <summary>The broker URI with the host and port replaced by this proxy.</summary>
    public Uri Through(Uri broker) => new UriBuilder(broker) { Host = "127.0.0.1", Port = Port }.Uri;

    /// <summary>Resets every open connection (RST, no orderly close) and returns how many there were.</summary>
    public int Cut()
    {
        var count = 0;
        foreach (var (id, pair) in _open)
        {
            if (_open.TryRemove(id, out _))
            {
                Reset(pair.Client);
                Reset(pair.Upstream);
                count++;
            }
        }

        Interlocked.Add(ref _cuts, count);
        return count;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        Cut();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (Refusing)
            {
                Interlocked.Increment(ref _refused);
                Reset(client);
                continue;
            }

            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(Socket client)
    {
        var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(_upstreamHost, _upstreamPort, _stop.Token);
        }
        catch (Exception)
        {
            Reset(client);
            Reset(upstream);
            return;
        }

        var id = Interlocked.Increment(ref _next);
        _open[id] = (client, upstream);
        await Task.WhenAny(PumpAsync(client, upstream), PumpAsync(upstream, client));
        if (_open.TryRemove(id, out _))
        {
            client.Dispose();
            upstream.Dispose();
        }
    }

    private async Task PumpAsync(Socket from, Socket to)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0); // close with RST
            socket.Close();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }
    }
}
