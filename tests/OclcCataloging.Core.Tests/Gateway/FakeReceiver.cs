using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OclcCataloging.Core.Tests.Gateway;

/// <summary>What a fake receiver read from one connection, parsed by its own rules.</summary>
public sealed class ReceivedRequest
{
    public string? UserId { get; init; }
    public string? LogonId { get; init; }
    public string? Password { get; init; }
    public byte[] Record { get; init; } = Array.Empty<byte>();
    public byte[] Raw { get; init; } = Array.Empty<byte>();
}

/// <summary>One accepted connection handed to a fake's behaviour.</summary>
public sealed class FakeConnection
{
    internal FakeConnection(Socket socket, FakeReceiver owner, CancellationToken stopping)
    {
        Socket = socket;
        Stream = new NetworkStream(socket, false);
        Owner = owner;
        Stopping = stopping;
    }

    public Socket Socket { get; }
    public NetworkStream Stream { get; }
    public FakeReceiver Owner { get; }
    public CancellationToken Stopping { get; }

    public Task WriteAsync(string text, bool nul = true)
    {
        byte[] b = Encoding.UTF8.GetBytes(text);
        if (nul) b = b.Concat(new byte[] { 0 }).ToArray();
        return Stream.WriteAsync(b, 0, b.Length, Stopping);
    }

    /// <summary>Closes with an RST instead of a FIN.</summary>
    public void Reset()
    {
        Socket.LingerState = new LingerOption(true, 0);
        Socket.Close();
    }

    public void Close()
    {
        try { Socket.Shutdown(SocketShutdown.Both); } catch (SocketException) { }
        Socket.Close();
    }
}

/// <summary>A TCP server on 127.0.0.1 (port 0) running one behaviour per accepted connection.</summary>
public sealed class FakeReceiver : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<FakeConnection, Task> _behaviour;
    private readonly ConcurrentBag<Task> _handlers = new();
    private readonly Task _loop;
    private int _connections;

    public FakeReceiver(Func<FakeConnection, Task> behaviour)
    {
        _behaviour = behaviour;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _loop = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Requests parsed by the behaviour, in arrival order.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket s;
            try
            {
                s = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }
            Interlocked.Increment(ref _connections);
            _handlers.Add(Task.Run(async () =>
            {
                var c = new FakeConnection(s, this, _stop.Token);
                try
                {
                    await _behaviour(c);
                }
                catch (Exception)
                {
                    // a fake may fail when the client goes away; that is the client's business
                }
                finally
                {
                    s.Dispose();
                }
            }));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _loop; } catch (Exception) { }
        await Task.WhenAny(Task.WhenAll(_handlers.ToArray()), Task.Delay(5000));
    }

    /// <summary>A port on which nothing listens (connection refused).</summary>
    public static int ClosedPort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
