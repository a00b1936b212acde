using System;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>An SFTP failure, classified. Messages name the server and path, never a password or key.</summary>
    public sealed class SftpTransferException : Exception
    {
        public SftpTransferException(SftpFailure failure, string message, Exception? inner = null, string? offeredHostKey = null)
            : base(message, inner)
        {
            Failure = failure;
            OfferedHostKeyFingerprint = offeredHostKey;
        }

        public SftpFailure Failure { get; }

        /// <summary>Host key failures: the fingerprint the server presented (SHA256:...), to pin after checking it.</summary>
        public string? OfferedHostKeyFingerprint { get; }

        /// <summary>True when no later file of the run can succeed either (wrong password, host key).</summary>
        public bool DoomsRun => Failure == SftpFailure.AuthenticationFailed || Failure == SftpFailure.HostKeyNotPinned || Failure == SftpFailure.HostKeyChanged;
    }
}
