using System;
using System.IO;
using System.Net.Sockets;
using Renci.SshNet.Common;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>Turns SSH.NET's exceptions into <see cref="SftpTransferException"/>s, so none of SSH.NET's types leave this assembly.</summary>
    internal static class SshNetErrors
    {
        internal static SftpTransferException Translate(Exception e, string what)
        {
            if (e is SftpTransferException mine) return mine;
            switch (e)
            {
                case SftpPermissionDeniedException _:
                    return new SftpTransferException(SftpFailure.PermissionDenied, "The server refused " + what + ": permission denied. Check the folder and the account's rights with OCLC.", e);
                case SftpPathNotFoundException _:
                    return new SftpTransferException(SftpFailure.NotFound, "The server has no " + what + ".", e);
                case SshAuthenticationException _:
                    return new SftpTransferException(SftpFailure.AuthenticationFailed, "The server refused the user name, password or key for " + what + ". Check the credential saved in the connection (Set-OclcConnection).", e);
                case SshConnectionException _:
                case SshOperationTimeoutException _:
                case SocketException _:
                case ObjectDisposedException _:
                case IOException _:
                    return new SftpTransferException(SftpFailure.ConnectionLost, "The connection dropped during " + what + ": " + e.Message, e);
                case SshException _:
                    return new SftpTransferException(SftpFailure.Other, "The server failed " + what + ": " + e.Message + " (a full disk or a name in use give this).", e);
                default:
                    return new SftpTransferException(SftpFailure.Other, "SFTP failed during " + what + ": " + e.Message, e);
            }
        }

        internal static T Run<T>(string what, Func<T> action)
        {
            try { return action(); }
            catch (Exception e) when (!(e is ArgumentException)) { throw Translate(e, what); }
        }

        internal static void Run(string what, Action action) => Run(what, () => { action(); return 0; });
    }
}
