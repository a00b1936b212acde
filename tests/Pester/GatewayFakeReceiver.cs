// Fake gateway receivers for the Pester tests (compiled with Add-Type). They follow the receivers' behaviour as
// docs/design/gateway-protocol.md describes it, written independently of the module's own parser:
// Koha (read to NUL or 5 s idle, reply + NUL, close), FOLIO (reply once a record is complete, never close, close
// silently past 100,000 bytes), Alma (documented texts) and faults.
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace GatewayFakes
{
    public sealed class FakeRequest
    {
        public string UserId;
        public string LogonId;
        public string Password;
        public byte[] Record;
        public byte[] Raw;
    }

    public sealed class FakeReceiver : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly string _kind;
        private int _connections;

        public string User;
        public string Password;
        public string Institution = "01TEST_INST";
        public string MmsId = "991234567890123456";
        public double IdleSeconds = 5;

        public ConcurrentQueue<FakeRequest> Requests = new ConcurrentQueue<FakeRequest>();

        public FakeReceiver(string kind)
        {
            _kind = kind;
            _listener = new TcpListener(IPAddress.Loopback, 0);
            _listener.Start(64);
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            Task.Run(() => AcceptLoop());
        }

        public int Port { get; private set; }

        public int Connections { get { return Volatile.Read(ref _connections); } }

        public static int ClosedPort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            int port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        private async Task AcceptLoop()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket s;
                try { s = await _listener.AcceptSocketAsync().ConfigureAwait(false); }
                catch (Exception) { return; }
                Interlocked.Increment(ref _connections);
                var _ = Task.Run(async () =>
                {
                    try { await Serve(s).ConfigureAwait(false); }
                    catch (Exception) { }
                    finally { s.Dispose(); }
                });
            }
        }

        private async Task Serve(Socket s)
        {
            var stream = new NetworkStream(s, false);
            switch (_kind)
            {
                case "Koha":
                {
                    FakeRequest r = Parse(await ReadToNulOrIdle(stream, s).ConfigureAwait(false));
                    string text;
                    if (r == null) text = "Bad request";
                    else
                    {
                        Requests.Enqueue(r);
                        string who = string.IsNullOrEmpty(r.UserId) ? r.LogonId : r.UserId;
                        if (User != null && (who != User || r.Password != Password)) text = "Unauthorized request";
                        else text = "Success.  Batch number 7 - biblio record number " + (100 + Requests.Count) + " added to Koha.\n\nhttp://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber=" + (100 + Requests.Count);
                    }
                    await Write(stream, text + "\0").ConfigureAwait(false);
                    s.Shutdown(SocketShutdown.Both);
                    break;
                }
                case "Alma":
                {
                    FakeRequest r = Parse(await ReadToNulOrIdle(stream, s).ConfigureAwait(false));
                    string text;
                    if (r == null) text = "Import Failed: the request could not be read";
                    else
                    {
                        Requests.Enqueue(r);
                        if (r.LogonId != Institution) text = "Import Failed: No integration profile found for institution " + r.LogonId;
                        else if (r.Password != Password) text = "Import Failed: Logon Failed--the Logon ID and/or password is/are not valid";
                        else text = "The record has been processed successfully. MMS ID: " + MmsId;
                    }
                    await Write(stream, text + "\0").ConfigureAwait(false);
                    s.Shutdown(SocketShutdown.Both);
                    break;
                }
                case "Folio":
                {
                    var buffer = new List<byte>();
                    var chunk = new byte[8192];
                    bool replied = false;
                    while (true)
                    {
                        int n = await stream.ReadAsync(chunk, 0, chunk.Length, _stop.Token).ConfigureAwait(false);
                        if (n == 0) return;
                        int nul = Array.IndexOf(chunk, (byte)0, 0, n);
                        for (int i = 0; i < (nul >= 0 ? nul : n); i++) buffer.Add(chunk[i]);
                        if (replied) continue;
                        if (buffer.Count > 100000) { s.Close(); return; }
                        FakeRequest r = Parse(buffer.ToArray());
                        if (r == null) continue;
                        int len;
                        if (r.Record.Length < 5 || !int.TryParse(Encoding.ASCII.GetString(r.Record, 0, 5), out len) || r.Record.Length < len) continue;
                        Requests.Enqueue(r);
                        await Write(stream, "Import ok\n\0").ConfigureAwait(false);
                        replied = true;
                    }
                }
                case "ResetAfterAccept":
                    // Late enough that the sender has connected and written: the reset hits the record in flight.
                    await Task.Delay(200).ConfigureAwait(false);
                    s.LingerState = new LingerOption(true, 0);
                    s.Close();
                    break;
                case "ResetMidReply":
                {
                    FakeRequest r = Parse(await ReadToNulOrIdle(stream, s).ConfigureAwait(false));
                    if (r != null) Requests.Enqueue(r);
                    await Write(stream, "Success.  Batch number 7 - biblio rec").ConfigureAwait(false);
                    await Task.Delay(50).ConfigureAwait(false);
                    s.LingerState = new LingerOption(true, 0);
                    s.Close();
                    break;
                }
                case "Silent":
                {
                    FakeRequest r = Parse(await ReadToNulOrIdle(stream, s).ConfigureAwait(false));
                    if (r != null) Requests.Enqueue(r);
                    try { await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false); } catch (OperationCanceledException) { }
                    break;
                }
                case "SlowKoha":
                {
                    FakeRequest r = Parse(await ReadToNulOrIdle(stream, s).ConfigureAwait(false));
                    if (r != null) Requests.Enqueue(r);
                    byte[] reply = Encoding.UTF8.GetBytes("Success.  Batch number 7 - biblio record number 4242 added to Koha.\n\nhttp://staff.example/x?biblionumber=4242\0");
                    foreach (byte b in reply)
                    {
                        await stream.WriteAsync(new[] { b }, 0, 1).ConfigureAwait(false);
                        await Task.Delay(2).ConfigureAwait(false);
                    }
                    s.Shutdown(SocketShutdown.Both);
                    break;
                }
            }
        }

        private static Task Write(NetworkStream stream, string text)
        {
            byte[] b = Encoding.UTF8.GetBytes(text);
            return stream.WriteAsync(b, 0, b.Length);
        }

        private async Task<byte[]> ReadToNulOrIdle(NetworkStream stream, Socket s)
        {
            var data = new MemoryStream();
            var buf = new byte[65536];
            while (true)
            {
                Task<int> read = stream.ReadAsync(buf, 0, buf.Length);
                if (await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(IdleSeconds))).ConfigureAwait(false) != read) break;
                int n;
                try { n = await read.ConfigureAwait(false); } catch (IOException) { break; }
                if (n == 0) break;
                int nul = Array.IndexOf(buf, (byte)0, 0, n);
                data.Write(buf, 0, nul >= 0 ? nul : n);
                if (nul >= 0) break;
            }
            return data.ToArray();
        }

        // Koha's rules: U/A/P, length = byte - 64 (or a run of digits when that is negative); blanks skipped; a digit starts the record.
        public static FakeRequest Parse(byte[] raw)
        {
            string u = null, a = null, p = null;
            int i = 0;
            while (i < raw.Length)
            {
                byte b = raw[i];
                if (b == 'U' || b == 'A' || b == 'P')
                {
                    if (i + 1 >= raw.Length) return null;
                    int len = raw[i + 1] - 64, start = i + 2;
                    if (len < 0)
                    {
                        int j = i + 1;
                        while (j < raw.Length && raw[j] >= '0' && raw[j] <= '9') j++;
                        if (j == i + 1) return null;
                        len = int.Parse(Encoding.ASCII.GetString(raw, i + 1, j - i - 1));
                        start = j;
                    }
                    if (start + len > raw.Length) return null;
                    string v = Encoding.UTF8.GetString(raw, start, len);
                    if (b == 'U') u = v; else if (b == 'A') a = v; else p = v;
                    i = start + len;
                }
                else if (b == ' ') i++;
                else if (b >= '0' && b <= '9')
                {
                    var rec = new byte[raw.Length - i];
                    Array.Copy(raw, i, rec, 0, rec.Length);
                    return new FakeRequest { UserId = u, LogonId = a, Password = p, Record = rec, Raw = raw };
                }
                else return null;
            }
            return null;
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
        }
    }
}
