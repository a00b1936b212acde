using System;
using System.Collections.Generic;
using System.IO;
using Renci.SshNet;
using Renci.SshNet.Common;
using Renci.SshNet.Sftp;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary><see cref="ISftpSession"/> over an SSH.NET <see cref="SftpClient"/>.</summary>
    internal sealed class SshNetSftpSession : ISftpSession
    {
        private readonly SftpClient _client;

        internal SshNetSftpSession(SftpClient client) { _client = client; }

        public IReadOnlyList<SftpRemoteEntry> List(string folder) => SshNetErrors.Run("the listing of " + folder, () =>
        {
            var entries = new List<SftpRemoteEntry>();
            foreach (ISftpFile f in _client.ListDirectory(folder))
            {
                if (f.Name == "." || f.Name == "..") continue;
                entries.Add(new SftpRemoteEntry(f.FullName, f.Length, f.LastWriteTimeUtc, f.IsDirectory));
            }
            return entries;
        });

        public SftpRemoteEntry? Find(string path)
        {
            try
            {
                SftpFileAttributes a = _client.GetAttributes(path);
                return new SftpRemoteEntry(path, a.Size, a.LastWriteTimeUtc, a.IsDirectory);
            }
            catch (SftpPathNotFoundException) { return null; }
            catch (Exception e) { throw SshNetErrors.Translate(e, "the file " + path); }
        }

        public Stream OpenAppend(string path) =>
            new TranslatingStream(SshNetErrors.Run("writing " + path, () => (Stream)_client.Open(path, FileMode.Append, FileAccess.Write)), "writing " + path);

        public Stream OpenRead(string path) =>
            new TranslatingStream(SshNetErrors.Run("reading " + path, () => (Stream)_client.OpenRead(path)), "reading " + path);

        public void Rename(string from, string to, bool overwrite) =>
            SshNetErrors.Run("renaming " + from + " to " + to, () => _client.RenameFile(from, to, overwrite));

        public void Delete(string path) => SshNetErrors.Run("deleting " + path, () => _client.DeleteFile(path));

        public void Dispose()
        {
            try { if (_client.IsConnected) _client.Disconnect(); }
            catch (Exception) { /* already gone */ }
            _client.Dispose();
        }
    }
}
