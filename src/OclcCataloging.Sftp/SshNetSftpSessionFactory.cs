using System;
using System.Collections.Generic;
using System.Text;
using Renci.SshNet;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>Opens SSH.NET SFTP sessions; the host key is checked against the pin before authenticating.</summary>
    public sealed class SshNetSftpSessionFactory : ISftpSessionFactory
    {
        public ISftpSession Open(SftpEndpoint endpoint)
        {
            if (endpoint == null) throw new ArgumentNullException(nameof(endpoint));
            byte[]? password = endpoint.PasswordUtf8();
            try
            {
                var methods = new List<AuthenticationMethod>();
                if (endpoint.PrivateKeyPath != null) methods.Add(new PrivateKeyAuthenticationMethod(endpoint.UserName, LoadKey(endpoint)));
                if (password != null) methods.Add(new PasswordAuthenticationMethod(endpoint.UserName, password));
                if (methods.Count == 0)
                    throw new SftpTransferException(SftpFailure.AuthenticationFailed, "No password or private key is given for " + endpoint + ".");
                var info = new ConnectionInfo(endpoint.Host, endpoint.Port, endpoint.UserName, methods.ToArray()) { Timeout = endpoint.Timeout };
                var client = new SftpClient(info);
                SftpTransferException? hostKeyFailure = null;
                client.HostKeyReceived += (sender, e) =>
                {
                    try { SftpHostKeys.Verify(endpoint, e.FingerPrintSHA256); e.CanTrust = true; }
                    catch (SftpTransferException refused) { hostKeyFailure = refused; e.CanTrust = false; }
                };
                try { client.Connect(); }
                catch (Exception e)
                {
                    client.Dispose();
                    if (hostKeyFailure != null) throw hostKeyFailure;
                    throw SshNetErrors.Translate(e, "connecting to " + endpoint);
                }
                return new SshNetSftpSession(client);
            }
            finally
            {
                if (password != null) Array.Clear(password, 0, password.Length);
            }
        }

        private static PrivateKeyFile LoadKey(SftpEndpoint endpoint)
        {
            byte[]? passphrase = endpoint.PassphraseUtf8();
            try
            {
                return passphrase == null
                    ? new PrivateKeyFile(endpoint.PrivateKeyPath!)
                    : new PrivateKeyFile(endpoint.PrivateKeyPath!, Encoding.UTF8.GetString(passphrase));
            }
            catch (Exception e) when (!(e is ArgumentNullException))
            {
                throw new SftpTransferException(SftpFailure.AuthenticationFailed,
                    "The private key file " + endpoint.PrivateKeyPath + " cannot be read (" + e.GetType().Name + "). Check the path and the passphrase.", e);
            }
            finally
            {
                if (passphrase != null) Array.Clear(passphrase, 0, passphrase.Length);
            }
        }
    }
}
