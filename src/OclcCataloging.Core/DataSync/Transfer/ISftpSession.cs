using System;
using System.Collections.Generic;
using System.IO;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>
    /// One open, authenticated SFTP connection. The core holds every transfer rule (names, folders, temporary names,
    /// resume, state); an adapter (OclcCataloging.Sftp, SSH.NET) only moves bytes. Failures surface as
    /// <see cref="SftpTransferException"/> with a <see cref="SftpFailure"/>, never as the library's own types.
    /// </summary>
    public interface ISftpSession : IDisposable
    {
        /// <summary>The files and folders directly in <paramref name="folder"/> (without . and ..).</summary>
        IReadOnlyList<SftpRemoteEntry> List(string folder);

        /// <summary>The entry at <paramref name="path"/>, or null when nothing is there.</summary>
        SftpRemoteEntry? Find(string path);

        /// <summary>A writable stream at the end of <paramref name="path"/>, created when missing.</summary>
        Stream OpenAppend(string path);

        /// <summary>A readable stream of <paramref name="path"/>.</summary>
        Stream OpenRead(string path);

        /// <summary>Renames <paramref name="from"/> to <paramref name="to"/>, replacing <paramref name="to"/> only when <paramref name="overwrite"/>.</summary>
        void Rename(string from, string to, bool overwrite);

        void Delete(string path);
    }

    /// <summary>Opens sessions; a transfer that lost its connection asks for a new one to resume.</summary>
    public interface ISftpSessionFactory
    {
        /// <summary>Connects and authenticates, refusing a host key that does not match <see cref="SftpEndpoint.HostKeyFingerprint"/>.</summary>
        ISftpSession Open(SftpEndpoint endpoint);
    }
}
