using System;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.DataSync.Transfer;
using Xunit;

namespace OclcCataloging.Core.Tests.DataSync.Transfer;

/// <summary>Connection faults against the real OpenSSH test server: wrong password, host keys, permissions.</summary>
public sealed class SftpConnectionFaultTests
{
    private static readonly SshNetSftpSessionFactory Factory = new();

    [RequiresSftpFact]
    public void A_wrong_password_stops_with_an_authentication_failure_that_does_not_show_the_password()
    {
        SftpEndpoint endpoint = SftpServer.Endpoint(password: false);
        endpoint.Password = Secrets.Of("Wrong-Secret-4711");

        var e = Assert.Throws<SftpTransferException>(() => Factory.Open(endpoint));

        Assert.Equal(SftpFailure.AuthenticationFailed, e.Failure);
        Assert.True(e.DoomsRun);
        Assert.DoesNotContain("Wrong-Secret-4711", e.ToString());
        Assert.DoesNotContain("Wrong-Secret-4711", endpoint.ToString());
    }

    [RequiresSftpFact]
    public void A_doomed_connection_is_not_tried_again()
    {
        SftpEndpoint endpoint = SftpServer.Endpoint(password: false);
        endpoint.Password = Secrets.Of("Wrong-Secret-4711");
        var factory = new DroppingSessionFactory();
        using var connection = new SftpConnection(factory, endpoint);

        Assert.Throws<SftpTransferException>(() => connection.Session);
        Assert.Throws<SftpTransferException>(() => connection.Session);

        Assert.Equal(1, factory.Opened);
    }

    [RequiresSftpFact]
    public void A_changed_host_key_refuses_to_connect_and_names_both_keys()
    {
        SftpEndpoint endpoint = SftpServer.Endpoint(fingerprint: "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        var e = Assert.Throws<SftpTransferException>(() => Factory.Open(endpoint));

        Assert.Equal(SftpFailure.HostKeyChanged, e.Failure);
        Assert.Equal(SftpServer.Fingerprint, e.OfferedHostKeyFingerprint);
        Assert.Contains(SftpServer.Fingerprint, e.Message);
        Assert.DoesNotContain(SftpServer.Password, e.ToString());
    }

    [RequiresSftpFact]
    public void Without_a_pinned_key_the_error_tells_the_fingerprint_to_pin()
    {
        SftpEndpoint endpoint = SftpServer.Endpoint();
        endpoint.HostKeyFingerprint = null;

        var e = Assert.Throws<SftpTransferException>(() => Factory.Open(endpoint));

        Assert.Equal(SftpFailure.HostKeyNotPinned, e.Failure);
        Assert.Contains(SftpServer.Fingerprint, e.Message);
        Assert.Equal(SftpServer.Fingerprint, e.OfferedHostKeyFingerprint);
    }

    [RequiresSftpFact]
    public void The_pinned_key_matches_with_or_without_prefix_and_padding()
    {
        string bare = SftpServer.Fingerprint.Substring("SHA256:".Length) + "=";
        using ISftpSession session = Factory.Open(SftpServer.Endpoint(fingerprint: bare));

        Assert.NotEmpty(session.List("/xfer/metacoll"));
    }

    [RequiresSftpFact]
    public void Writing_a_folder_the_account_may_not_write_is_permission_denied()
    {
        using ISftpSession session = Factory.Open(SftpServer.Endpoint(key: true));

        var e = Assert.Throws<SftpTransferException>(() => { using var s = session.OpenAppend("/xfer/readonly/1234567.OCWMS.x.mrc"); s.WriteByte(1); });

        Assert.Equal(SftpFailure.PermissionDenied, e.Failure);
        Assert.Contains("/xfer/readonly/1234567.OCWMS.x.mrc", e.Message);
    }
}
