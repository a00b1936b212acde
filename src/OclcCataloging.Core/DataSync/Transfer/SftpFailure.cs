namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>Why an SFTP operation failed; decides whether a transfer resumes, stops the run or skips a file.</summary>
    public enum SftpFailure
    {
        /// <summary>Anything not listed below.</summary>
        Other = 0,
        /// <summary>The server refused the user name, password or key: stops the run.</summary>
        AuthenticationFailed,
        /// <summary>No host key fingerprint is pinned in the connection: stops the run (the message names the server's).</summary>
        HostKeyNotPinned,
        /// <summary>The server's host key is not the pinned one: stops the run.</summary>
        HostKeyChanged,
        /// <summary>The server did not answer or the connection dropped: a transfer resumes on a new connection.</summary>
        ConnectionLost,
        /// <summary>The server refused the operation on this path (permissions, full disk).</summary>
        PermissionDenied,
        /// <summary>The path does not exist on the server.</summary>
        NotFound,
    }
}
