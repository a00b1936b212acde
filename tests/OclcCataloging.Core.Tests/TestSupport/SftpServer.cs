using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using OclcCataloging.DataSync.Transfer;
using Xunit;

namespace OclcCataloging.Core.Tests.TestSupport;

/// <summary>
/// The project's SFTP test server (tests/peers/sftp): OCLC_SFTP_TEST names the env file start-sftp.sh wrote
/// (user, password, key, port, host key fingerprint, chroot folder). Available when that file exists and the port answers.
/// </summary>
public static class SftpServer
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>?> LazyEnv = new(ReadEnv);
    private static readonly Lazy<string?> LazyMissing = new(Probe);

    public static string? MissingReason => LazyMissing.Value;

    public static string UserName => Env("USER");
    public static string Password => Env("PASSWORD");
    public static string KeyPath => Env("KEY");
    public static string Fingerprint => Env("FINGERPRINT");
    public static int Port => int.Parse(Env("PORT"));

    /// <summary>A folder the user may write that is not (yet) OCLC's: /xfer/readonly refuses writing.</summary>
    public const string ReadOnlyFolder = "/xfer/readonly";

    /// <summary>The server folder on a 256 KiB file system (full-disk faults), or null when start-sftp.sh could not mount it.</summary>
    public static string? FullDiskFolder => LazyEnv.Value != null && LazyEnv.Value.TryGetValue("FULL", out string? full) && full.Length > 0 ? full : null;

    /// <summary>The local folder the server's "/" is (the chroot).</summary>
    public static string Root => Env("ROOT");

    public static string LocalPathOf(string remotePath) => Path.Combine(Root, remotePath.TrimStart('/'));

    public static SftpEndpoint Endpoint(bool password = true, bool key = false, string? fingerprint = null)
    {
        var endpoint = new SftpEndpoint("127.0.0.1", Port, UserName) { HostKeyFingerprint = fingerprint ?? Fingerprint, Timeout = TimeSpan.FromSeconds(10) };
        if (password) endpoint.Password = Secrets.Of(Password);
        if (key) endpoint.PrivateKeyPath = KeyPath;
        return endpoint;
    }

    private static string Env(string key) => LazyEnv.Value![key];

    private static IReadOnlyDictionary<string, string>? ReadEnv()
    {
        string? file = Environment.GetEnvironmentVariable("OCLC_SFTP_TEST");
        if (string.IsNullOrEmpty(file) || !File.Exists(file)) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string line in File.ReadAllLines(file))
        {
            int eq = line.IndexOf('=');
            if (eq > 0) values[line.Substring(0, eq)] = line.Substring(eq + 1);
        }
        return values;
    }

    private static string? Probe()
    {
        const string hint = " Start it with 'sudo bash tests/peers/sftp/start-sftp.sh /tmp/oclc-sftp 22220' (needs openssh-server) and set OCLC_SFTP_TEST=/tmp/oclc-sftp/env.";
        if (LazyEnv.Value == null) return "Skipped: OCLC_SFTP_TEST does not name the SFTP test server's env file." + hint;
        try
        {
            using var tcp = new TcpClient();
            if (!tcp.ConnectAsync("127.0.0.1", Port).Wait(TimeSpan.FromSeconds(2))) return "Skipped: no SFTP test server answers on 127.0.0.1:" + Port + "." + hint;
        }
        catch (Exception) { return "Skipped: no SFTP test server answers on 127.0.0.1:" + Port + "." + hint; }
        if (!Directory.Exists(Root)) return "Skipped: the SFTP test server's folder " + Root + " cannot be read by the tests (run them as the user that started it)." + hint;
        return null;
    }
}

/// <summary>A fact that needs the SFTP test server's full-disk folder; skipped with the reason when it is missing.</summary>
public sealed class RequiresSftpFullDiskFactAttribute : FactAttribute
{
    public override string? Skip
    {
        get => base.Skip ?? SftpServer.MissingReason ?? (SftpServer.FullDiskFolder == null
            ? "Skipped: the SFTP test server has no full-disk folder (start-sftp.sh could not mount its 256 KiB tmpfs; it needs mount rights)."
            : null);
        set => base.Skip = value;
    }
}

/// <summary>A fact that needs the SFTP test server; skipped with the reason when it is not running.</summary>
public sealed class RequiresSftpFactAttribute : FactAttribute
{
    public override string? Skip
    {
        get => base.Skip ?? SftpServer.MissingReason;
        set => base.Skip = value;
    }
}
