using System.Net;
using System.Text;
using OclcCataloging.Gateway;
using OclcCataloging.Resilience;
using Xunit;
using static OclcCataloging.Core.Tests.Gateway.GatewayTestRecords;

namespace OclcCataloging.Core.Tests.Gateway;

public class GatewayClientTests
{
    private static GatewayClient Client(int port, GatewayReceiverType type = GatewayReceiverType.Koha, GatewayLogon? logon = null,
        IRetryExecutor? retry = null, Action<GatewayClientOptions>? configure = null)
    {
        var options = new GatewayClientOptions("127.0.0.1", port)
        {
            ReceiverType = type,
            Logon = logon,
            ReplyTimeout = TimeSpan.FromSeconds(10),
            ConnectTimeout = TimeSpan.FromSeconds(5),
        };
        configure?.Invoke(options);
        return new GatewayClient(options, retry);
    }

    private static GatewayRecord Rec(string title = "Gateway test") => GatewayRecord.FromRecord(Bib(title));

    /// <summary>Retries every failure: proves the client itself never resends a record that reached the receiver.</summary>
    private sealed class RetryEverything : IRetryExecutor
    {
        public int Calls;

        public T Execute<T>(Func<CancellationToken, T> operation, CancellationToken cancellationToken) => throw new NotSupportedException();

        public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
        {
            for (int i = 0; ; i++)
            {
                Calls++;
                try
                {
                    return await operation(cancellationToken);
                }
                catch (Exception) when (i < 3)
                {
                }
            }
        }
    }

    [Fact]
    public async Task Koha_accepts_and_the_biblionumber_and_url_are_reported()
    {
        await using var koha = new FakeReceiver(FakeReceivers.Koha(reply: _ => FakeReceivers.KohaSuccess(4711)));
        var record = Rec("A Koha title");
        var result = await Client(koha.Port, logon: new GatewayLogon(null, new NetworkCredential("01TEST_INST", "s3cret"))).SendAsync(record);

        Assert.Equal(GatewayStatus.Accepted, result.Status);
        Assert.Equal("4711", result.ReceiverRecordId);
        Assert.Equal("http://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber=4711", result.Url);
        Assert.StartsWith("Success.  Batch number 7", result.ReplyText);
        Assert.Equal(1, result.Attempts);
        Assert.Null(result.ErrorCode);
        Assert.Equal("ocm00000042", result.ControlNumber);
        Assert.Equal("A Koha title", result.Title);
        Assert.True(result.Elapsed > TimeSpan.Zero);

        var req = Assert.Single(koha.Requests);
        Assert.Equal("01TEST_INST", req.LogonId);
        Assert.Equal("s3cret", req.Password);
        Assert.Equal(record.Bytes, req.Record);
    }

    [Fact]
    public async Task Koha_without_the_nul_answers_after_its_idle_wait()
    {
        await using var koha = new FakeReceiver(FakeReceivers.Koha(idle: TimeSpan.FromMilliseconds(300)));
        var record = Rec();
        var result = await Client(koha.Port, configure: o => o.SendEndOfTransmission = false).SendAsync(record);
        Assert.Equal(GatewayStatus.Accepted, result.Status);
        Assert.Equal(record.Bytes, Assert.Single(koha.Requests).Raw);
    }

    [Fact]
    public async Task Koha_stage_mode_is_accepted_without_an_id()
    {
        await using var koha = new FakeReceiver(FakeReceivers.Koha(reply: _ =>
            "Success.  Batch number 7 - biblio record number HASH(0x560b84b1f5a0) added to Koha.\n\nhttp://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber="));
        var result = await Client(koha.Port).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Accepted, result.Status);
        Assert.Null(result.ReceiverRecordId);
        Assert.Contains("stage", result.Message);
    }

    [Fact]
    public async Task Wrong_credentials_are_rejected_and_the_password_appears_nowhere()
    {
        await using var koha = new FakeReceiver(FakeReceivers.Koha(user: "catuser", password: "pässwörd"));
        var result = await Client(koha.Port, logon: new GatewayLogon(null, new NetworkCredential("catuser", "wrongPässwörd"))).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Rejected, result.Status);
        Assert.Equal("Unauthorized request", result.ReplyText);
        Assert.Equal(GatewayErrorCodes.LogonRefused, result.ErrorCode);
        Assert.DoesNotContain("wrongPässwörd", result.ToString());
        Assert.DoesNotContain("wrongPässwörd", result.Message ?? "");
    }

    [Fact]
    public async Task Non_ascii_logon_id_and_password_reach_koha_as_utf8()
    {
        await using var koha = new FakeReceiver(FakeReceivers.Koha(user: "katalogisør", password: "pässwörd"));
        var result = await Client(koha.Port, logon: new GatewayLogon(null, new NetworkCredential("katalogisør", "pässwörd"))).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Accepted, result.Status);
        var req = Assert.Single(koha.Requests);
        Assert.True(IndexOf(req.Raw, new byte[] { (byte)'P', 0x4A }.Concat(Encoding.UTF8.GetBytes("pässwörd")).ToArray()) >= 0);
    }

    [Fact]
    public async Task Koha_user_id_takes_precedence_over_the_logon_id()
    {
        await using var koha = new FakeReceiver(FakeReceivers.Koha(user: "catuser", password: "pw"));
        var ok = await Client(koha.Port, logon: new GatewayLogon("catuser", new NetworkCredential("01INST", "pw"))).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Accepted, ok.Status);
        var no = await Client(koha.Port, logon: new GatewayLogon("other", new NetworkCredential("catuser", "pw"))).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Rejected, no.Status);
    }

    [Fact]
    public async Task A_logon_id_over_191_bytes_reaches_koha_and_folio_with_a_decimal_length()
    {
        string longId = "tenant " + new string('k', 250);
        await using var koha = new FakeReceiver(FakeReceivers.Koha());
        await using var folio = new FakeReceiver(FakeReceivers.Folio());
        var logon = new GatewayLogon(null, new NetworkCredential(longId, "pw"));
        Assert.Equal(GatewayStatus.Accepted, (await Client(koha.Port, logon: logon).SendAsync(Rec())).Status);
        Assert.Equal(GatewayStatus.Accepted, (await Client(folio.Port, GatewayReceiverType.Folio, logon).SendAsync(Rec())).Status);
        Assert.Equal(longId, Assert.Single(koha.Requests).LogonId);
        Assert.Equal(longId, Assert.Single(folio.Requests).LogonId);
    }

    [Fact]
    public async Task Marc8_record_is_sent_as_marc8_and_as_utf8()
    {
        await using var koha = new FakeReceiver(FakeReceivers.Koha());
        var marc8 = GatewayRecord.FromRecord(Bib("Café"), GatewayRecordEncoding.Marc8);
        var utf8 = GatewayRecord.FromRecord(Bib("Café"), GatewayRecordEncoding.Utf8);
        Assert.Equal(GatewayStatus.Accepted, (await Client(koha.Port).SendAsync(marc8)).Status);
        Assert.Equal(GatewayStatus.Accepted, (await Client(koha.Port).SendAsync(utf8)).Status);

        var got = koha.Requests.ToArray();
        Assert.Equal(marc8.Bytes, got[0].Record);
        Assert.Equal((byte)' ', got[0].Record[9]);
        Assert.True(IndexOf(got[0].Record, new byte[] { 0xE2, (byte)'e' }) >= 0, "MARC-8 acute (0xE2) before its base letter");
        Assert.Equal(utf8.Bytes, got[1].Record);
        Assert.Equal((byte)'a', got[1].Record[9]);
        Assert.True(IndexOf(got[1].Record, Encoding.UTF8.GetBytes("Café")) >= 0);
    }

    [Fact]
    public async Task Folio_replies_without_closing_and_the_client_stops_at_the_nul()
    {
        await using var folio = new FakeReceiver(FakeReceivers.Folio());
        var logon = new GatewayLogon(null, new NetworkCredential("testlib user bøf", ""));
        var record = Rec();
        var result = await Client(folio.Port, GatewayReceiverType.Folio, logon).SendAsync(record);
        Assert.Equal(GatewayStatus.Accepted, result.Status);
        Assert.Equal("Import ok\n", result.ReplyText);
        Assert.Null(result.ReceiverRecordId);
        var req = Assert.Single(folio.Requests);
        Assert.Equal("testlib user bøf", req.LogonId);
        Assert.Equal(record.Bytes, req.Record);
    }

    [Fact]
    public async Task Folio_error_is_rejected()
    {
        await using var folio = new FakeReceiver(FakeReceivers.Folio(error: _ => "access denied"));
        var result = await Client(folio.Port, GatewayReceiverType.Folio).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Rejected, result.Status);
        Assert.Equal("Error: access denied\n", result.ReplyText);
    }

    [Fact]
    public async Task Folio_closing_silently_on_overflow_gives_unknown_and_no_resend()
    {
        await using var folio = new FakeReceiver(FakeReceivers.Folio(maxBuffered: 100));
        var retry = new RetryEverything();
        var result = await Client(folio.Port, GatewayReceiverType.Folio, retry: retry).SendAsync(Rec(new string('t', 500)));
        Assert.Equal(GatewayStatus.Unknown, result.Status);
        Assert.Contains(result.ErrorCode, new[] { GatewayErrorCodes.NoReply, GatewayErrorCodes.ConnectionReset, GatewayErrorCodes.SendFailed });
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, folio.Connections);
    }

    [Fact]
    public async Task Alma_texts_give_the_mms_id_or_a_rejection()
    {
        await using var alma = new FakeReceiver(FakeReceivers.Alma("01CARLI_XYZ", "secret", "991234567890123456"));
        var ok = await Client(alma.Port, GatewayReceiverType.Alma, new GatewayLogon(null, new NetworkCredential("01CARLI_XYZ", "secret"))).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Accepted, ok.Status);
        Assert.Equal("991234567890123456", ok.ReceiverRecordId);

        var bad = await Client(alma.Port, GatewayReceiverType.Alma, new GatewayLogon(null, new NetworkCredential("01CARLI_XYZ", "nope"))).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Rejected, bad.Status);
        Assert.Contains("Logon Failed", bad.ReplyText);
    }

    [Fact]
    public async Task Connection_refused_is_retried_and_reported_as_not_sent()
    {
        int port = FakeReceiver.ClosedPort();
        var retry = new PollyRetryExecutor(new RetrySettings
        {
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(10),
            UseJitter = false,
            ShouldRetry = GatewayClient.IsRetryableFailure,
        });
        var result = await Client(port, retry: retry).SendAsync(Rec());
        Assert.Equal(GatewayStatus.NotSent, result.Status);
        Assert.Equal(GatewayErrorCodes.ConnectFailed, result.ErrorCode);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task Reset_after_accept_is_unknown_and_never_resent()
    {
        // The reset comes after the request was written (it sits unread in the receiver's buffer).
        await using var fake = new FakeReceiver(FakeReceivers.ResetAfterAccept(TimeSpan.FromMilliseconds(200)));
        var retry = new RetryEverything();
        var result = await Client(fake.Port, retry: retry).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Unknown, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, retry.Calls);
        Assert.Equal(1, fake.Connections);
    }

    [Fact]
    public async Task Immediate_reset_is_never_reported_as_accepted()
    {
        // On loopback the reset may arrive before the connect completes: then nothing was written and a retry is right.
        await using var fake = new FakeReceiver(FakeReceivers.ResetAfterAccept());
        var result = await Client(fake.Port, retry: new RetryEverything()).SendAsync(Rec());
        Assert.Contains(result.Status, new[] { GatewayStatus.Unknown, GatewayStatus.NotSent });
        Assert.Equal(result.Attempts, fake.Connections);
    }

    [Fact]
    public async Task Reset_mid_reply_is_unknown()
    {
        await using var fake = new FakeReceiver(FakeReceivers.ResetMidReply());
        var result = await Client(fake.Port, retry: new RetryEverything()).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Unknown, result.Status);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, fake.Connections);
    }

    [Fact]
    public async Task No_reply_until_the_timeout_is_unknown_and_never_resent()
    {
        await using var fake = new FakeReceiver(FakeReceivers.Silent());
        var retry = new RetryEverything();
        var result = await Client(fake.Port, retry: retry, configure: o => o.ReplyTimeout = TimeSpan.FromMilliseconds(300)).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Unknown, result.Status);
        Assert.Equal(GatewayErrorCodes.ReplyTimeout, result.ErrorCode);
        Assert.Contains("may have been imported", result.Message);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(1, fake.Connections);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task A_slow_byte_by_byte_reply_is_read_whole()
    {
        await using var fake = new FakeReceiver(FakeReceivers.SlowKoha(77));
        var result = await Client(fake.Port).SendAsync(Rec());
        Assert.Equal(GatewayStatus.Accepted, result.Status);
        Assert.Equal("77", result.ReceiverRecordId);
        Assert.EndsWith("biblionumber=77", result.ReplyText);
    }

    [Fact]
    public async Task Invalid_records_are_not_sent()
    {
        await using var koha = new FakeReceiver(FakeReceivers.Koha());
        var client = Client(koha.Port);

        var auth = await client.SendAsync(GatewayRecord.FromRecord(Bib(type: 'z')));
        Assert.Equal(GatewayStatus.NotSent, auth.Status);
        Assert.Equal(GatewayErrorCodes.AuthorityRecord, auth.ErrorCode);
        Assert.Equal(0, auth.Attempts);

        byte[] big = new byte[100_000];
        Encoding.ASCII.GetBytes("99999").CopyTo(big, 0);
        var oversize = await client.SendAsync(new GatewayRecord(big));
        Assert.Equal(GatewayErrorCodes.RecordTooLong, oversize.ErrorCode);

        var stub = await client.SendAsync(new GatewayRecord(Encoding.ASCII.GetBytes("12345xyz")));
        Assert.Equal(GatewayErrorCodes.RecordStructureInvalid, stub.ErrorCode);

        var digitLong = await Client(koha.Port, logon: new GatewayLogon(null, new NetworkCredential("01" + new string('x', 200), "")))
            .SendAsync(Rec());
        Assert.Equal(GatewayErrorCodes.IdentifierNotEncodable, digitLong.ErrorCode);

        Assert.Equal(0, koha.Connections);
    }

    [Fact]
    public async Task A_record_checked_before_sending_is_not_checked_again()
    {
        await using var koha = new FakeReceiver(FakeReceivers.Koha());
        int checks = 0;
        var options = new GatewayClientOptions("127.0.0.1", koha.Port) { ReceiverType = GatewayReceiverType.Koha, ReplyTimeout = TimeSpan.FromSeconds(10) };
        var client = new GatewayClient(options, null, (bytes, allowAuthority) =>
        {
            Interlocked.Increment(ref checks);
            return GatewayRecordValidator.Validate(bytes, allowAuthority);
        });

        // As Send-GatewayExport does: check (to skip the confirmation of a record that will not go), then send.
        GatewayCheckedRecord checkedRecord = client.Check(Rec());
        Assert.True(checkedRecord.MaySend);
        var result = await client.SendAsync(checkedRecord);

        Assert.Equal(GatewayStatus.Accepted, result.Status);
        Assert.Equal(1, checks);
    }

    [Fact]
    public async Task A_record_checked_by_a_client_with_other_settings_is_checked_again()
    {
        await using var koha = new FakeReceiver(FakeReceivers.Koha());
        GatewayCheckedRecord allowed = Client(koha.Port, configure: o => o.AllowAuthority = true).Check(GatewayRecord.FromRecord(Bib(type: 'z')));
        Assert.True(allowed.MaySend);

        var result = await Client(koha.Port).SendAsync(allowed);

        Assert.Equal(GatewayStatus.NotSent, result.Status);
        Assert.Equal(GatewayErrorCodes.AuthorityRecord, result.ErrorCode);
        Assert.Equal(0, koha.Connections);
    }

    [Fact]
    public async Task Authority_records_go_when_allowed()
    {
        await using var koha = new FakeReceiver(FakeReceivers.Koha());
        var result = await Client(koha.Port, configure: o => o.AllowAuthority = true).SendAsync(GatewayRecord.FromRecord(Bib(type: 'z')));
        Assert.Equal(GatewayStatus.Accepted, result.Status);
    }

    [Fact]
    public async Task Cancelling_while_waiting_for_the_reply_gives_unknown()
    {
        await using var fake = new FakeReceiver(FakeReceivers.Silent());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var result = await Client(fake.Port).SendAsync(Rec(), cts.Token);
        Assert.Equal(GatewayStatus.Unknown, result.Status);
        Assert.Equal(GatewayErrorCodes.Cancelled, result.ErrorCode);
    }

    [Fact]
    public async Task Cancelling_before_sending_throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(FakeReceiver.ClosedPort()).SendAsync(Rec(), cts.Token));
    }

    [Fact]
    public void DescribeSend_names_the_target_but_never_the_password()
    {
        var client = Client(5500, GatewayReceiverType.Alma, new GatewayLogon("u", new NetworkCredential("01CARLI_XYZ", "topsecret")));
        string s = client.DescribeSend(Rec("Title"));
        Assert.Contains("127.0.0.1:5500", s);
        Assert.Contains("01CARLI_XYZ", s);
        Assert.Contains("ocm00000042", s);
        Assert.DoesNotContain("topsecret", s);
    }
}
