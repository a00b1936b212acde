using System.Text;

namespace OclcCataloging.Core.Tests.Gateway;

/// <summary>
/// Behaviours of the real receivers as docs/design/gateway-protocol.md describes them, written independently of the code
/// under test (their own request parsers follow the receivers' rules, §1 and §5).
/// </summary>
public static class FakeReceivers
{
    public static int NextBiblionumber = 100;

    public static string KohaSuccess(int bib) =>
        "Success.  Batch number 7 - biblio record number " + bib + " added to Koha.\n\nhttp://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber=" + bib;

    /// <summary>
    /// Koha's daemon: reads until a chunk holds a NUL, the end of the stream, or <paramref name="idle"/> without data
    /// (5 s in Koha); parses U/A/P (single-byte or greedy decimal lengths) and the record; replies text + NUL; closes.
    /// With <paramref name="user"/> set it checks U (or A when U is empty) and P like <c>connexion_user</c>.
    /// </summary>
    public static Func<FakeConnection, Task> Koha(TimeSpan? idle = null, string? user = null, string? password = null,
        Func<ReceivedRequest, string>? reply = null)
    {
        TimeSpan wait = idle ?? TimeSpan.FromSeconds(5);
        return async c =>
        {
            byte[] raw = await ReadToNulOrIdle(c, wait);
            ReceivedRequest? req = ParseKoha(raw);
            string text;
            if (req == null) text = "Bad request";
            else
            {
                c.Owner.Requests.Enqueue(req);
                string? who = string.IsNullOrEmpty(req.UserId) ? req.LogonId : req.UserId;
                if (user != null && (who != user || req.Password != password)) text = "Unauthorized request";
                else text = reply != null ? reply(req) : KohaSuccess(Interlocked.Increment(ref NextBiblionumber));
            }
            await c.WriteAsync(text);
            c.Close();
        };
    }

    /// <summary>
    /// Alma (documentation only): reads like Koha, checks A + P, answers with the documented texts, NUL, close.
    /// </summary>
    public static Func<FakeConnection, Task> Alma(string institution, string password, string mmsId)
    {
        return async c =>
        {
            byte[] raw = await ReadToNulOrIdle(c, TimeSpan.FromSeconds(5));
            ReceivedRequest? req = ParseKoha(raw);
            string text;
            if (req == null) text = "Import Failed: the request could not be read";
            else
            {
                c.Owner.Requests.Enqueue(req);
                text = req.LogonId != institution
                    ? "Import Failed: No integration profile found for institution " + req.LogonId
                    : req.Password != password
                        ? "Import Failed: Logon Failed--the Logon ID and/or password is/are not valid"
                        : "The record has been processed successfully. MMS ID: " + mmsId;
            }
            await c.WriteAsync(text);
            c.Close();
        };
    }

    /// <summary>
    /// FOLIO edge-connexion: cuts each chunk at a NUL, parses U/A/P (FOLIO's length rules) and one record by its
    /// leader length; once a record is complete replies <c>Import ok\n\0</c> or <c>Error: …\n\0</c>; never closes;
    /// closes silently when more than <paramref name="maxBuffered"/> bytes (100,000 in FOLIO) are buffered.
    /// </summary>
    public static Func<FakeConnection, Task> Folio(Func<ReceivedRequest, string?>? error = null, int maxBuffered = 100_000)
    {
        return async c =>
        {
            var buffer = new List<byte>();
            var chunk = new byte[8192];
            bool replied = false;
            while (true)
            {
                int n = await c.Stream.ReadAsync(chunk, 0, chunk.Length, c.Stopping);
                if (n == 0) return;
                int nul = Array.IndexOf(chunk, (byte)0, 0, n);
                buffer.AddRange(chunk.Take(nul >= 0 ? nul : n));
                if (replied) continue;
                if (buffer.Count > maxBuffered)
                {
                    c.Socket.Close();
                    return;
                }
                ReceivedRequest? req = ParseFolio(buffer.ToArray());
                if (req == null) continue;
                c.Owner.Requests.Enqueue(req);
                string? e = error?.Invoke(req);
                await c.WriteAsync(e == null ? "Import ok\n" : "Error: " + e + "\n");
                replied = true;
            }
        };
    }

    /// <summary>Reads the request to the NUL, then answers nothing and keeps the connection open.</summary>
    public static Func<FakeConnection, Task> Silent()
    {
        return async c =>
        {
            byte[] raw = await ReadToNulOrIdle(c, TimeSpan.FromSeconds(30));
            var req = ParseKoha(raw);
            if (req != null) c.Owner.Requests.Enqueue(req);
            try { await Task.Delay(Timeout.Infinite, c.Stopping); } catch (OperationCanceledException) { }
        };
    }

    /// <summary>Accepts, then (after <paramref name="delay"/>, unread data and all) resets the connection.</summary>
    public static Func<FakeConnection, Task> ResetAfterAccept(TimeSpan delay = default) => async c =>
    {
        if (delay > TimeSpan.Zero) await Task.Delay(delay);
        c.Reset();
    };

    /// <summary>Reads the request, sends part of a Koha reply, then resets the connection.</summary>
    public static Func<FakeConnection, Task> ResetMidReply()
    {
        return async c =>
        {
            byte[] raw = await ReadToNulOrIdle(c, TimeSpan.FromSeconds(5));
            var req = ParseKoha(raw);
            if (req != null) c.Owner.Requests.Enqueue(req);
            await c.WriteAsync("Success.  Batch number 7 - biblio rec", nul: false);
            await Task.Delay(50);
            c.Reset();
        };
    }

    /// <summary>Reads the request, then writes a Koha reply one byte at a time.</summary>
    public static Func<FakeConnection, Task> SlowKoha(int bib)
    {
        return async c =>
        {
            byte[] raw = await ReadToNulOrIdle(c, TimeSpan.FromSeconds(5));
            var req = ParseKoha(raw);
            if (req != null) c.Owner.Requests.Enqueue(req);
            byte[] reply = Encoding.UTF8.GetBytes(KohaSuccess(bib) + "\0");
            foreach (byte b in reply)
            {
                await c.Stream.WriteAsync(new[] { b }, 0, 1, c.Stopping);
                await c.Stream.FlushAsync(c.Stopping);
                await Task.Delay(1);
            }
            c.Close();
        };
    }

    private static async Task<byte[]> ReadToNulOrIdle(FakeConnection c, TimeSpan idle)
    {
        var data = new MemoryStream();
        var buf = new byte[100_000];
        while (true)
        {
            int n;
            using (var idleCts = CancellationTokenSource.CreateLinkedTokenSource(c.Stopping))
            {
                idleCts.CancelAfter(idle);
                try
                {
                    n = await c.Stream.ReadAsync(buf, 0, buf.Length, idleCts.Token);
                }
                catch (OperationCanceledException) when (!c.Stopping.IsCancellationRequested)
                {
                    break;
                }
            }
            if (n == 0) break;
            data.Write(buf, 0, n);
            if (Array.IndexOf(buf, (byte)0, 0, n) >= 0) break;
        }
        byte[] raw = data.ToArray();
        int nul = Array.IndexOf(raw, (byte)0);
        return nul >= 0 ? raw.Take(nul).ToArray() : raw;
    }

    private static bool IsDigit(byte b) => b >= '0' && b <= '9';

    /// <summary>Koha's dispatch: U/A/P with len = byte − 64, or a greedy decimal run when that is negative; space skipped; a digit starts the record (the rest of the input).</summary>
    public static ReceivedRequest? ParseKoha(byte[] raw)
    {
        string? u = null, a = null, p = null;
        int i = 0;
        while (i < raw.Length)
        {
            byte b = raw[i];
            if (b == 'U' || b == 'A' || b == 'P')
            {
                if (i + 1 >= raw.Length) return null;
                int len = raw[i + 1] - 64;
                int start = i + 2;
                if (len < 0)
                {
                    int j = i + 1;
                    while (j < raw.Length && IsDigit(raw[j])) j++;
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
            else if (IsDigit(b))
                return new ReceivedRequest { UserId = u, LogonId = a, Password = p, Record = raw.Skip(i).ToArray(), Raw = raw };
            else return null;
        }
        return null;
    }

    /// <summary>FOLIO's parser: signed length byte (≥64 → −64, negative → +192, '0' → empty, else a decimal run); any other byte starts a record sliced by its leader length.</summary>
    public static ReceivedRequest? ParseFolio(byte[] raw)
    {
        string? u = null, a = null, p = null;
        int i = 0;
        while (i < raw.Length)
        {
            byte b = raw[i];
            if (b == 'U' || b == 'A' || b == 'P')
            {
                if (i + 1 >= raw.Length) return null;
                sbyte s = unchecked((sbyte)raw[i + 1]);
                int len, start;
                if (s >= 64) { len = s - 64; start = i + 2; }
                else if (s < 0) { len = 192 + s; start = i + 2; }
                else if (raw[i + 1] == '0') { len = 0; start = i + 2; }
                else
                {
                    int j = i + 1;
                    while (j < raw.Length && IsDigit(raw[j])) j++;
                    if (j == i + 1 || j == raw.Length) return null;
                    len = int.Parse(Encoding.ASCII.GetString(raw, i + 1, j - i - 1));
                    start = j;
                }
                if (start + len > raw.Length) return null;
                string v = Encoding.UTF8.GetString(raw, start, len);
                if (b == 'U') u = v; else if (b == 'A') a = v; else p = v;
                i = start + len;
            }
            else if (b == ' ') i++;
            else
            {
                if (raw.Length - i < 5) return null;
                if (!int.TryParse(Encoding.ASCII.GetString(raw, i, 5), out int recLen)) return null;
                if (raw.Length - i < recLen) return null;
                return new ReceivedRequest { UserId = u, LogonId = a, Password = p, Record = raw.Skip(i).Take(recLen).ToArray(), Raw = raw };
            }
        }
        return null;
    }
}
