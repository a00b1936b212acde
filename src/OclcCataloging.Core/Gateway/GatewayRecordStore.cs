using System;
using System.Globalization;
using System.IO;
using System.Threading;

namespace OclcCataloging.Gateway
{
    /// <summary>
    /// Saves records caught by <see cref="GatewayListener"/> so that none is lost and none is saved twice, even with
    /// many connections at once. <b>Folder</b>: one <c>.mrc</c> file per record, written under a temporary name and
    /// renamed when complete, so a reader never sees half a record. <b>File</b>: records appended to one ISO 2709 file,
    /// one whole record per write under a lock, flushed to disk before the sender is told it was accepted; a failed
    /// write is cut off again so the file stays a sequence of whole records.
    /// </summary>
    public sealed class GatewayRecordStore : IDisposable
    {
        private readonly object _gate = new object();
        private FileStream? _file;
        private long _saved;

        /// <summary>Saves into the folder <paramref name="path"/> (<paramref name="folder"/> true) or appends to the file <paramref name="path"/>.</summary>
        public GatewayRecordStore(string path, bool folder)
        {
            if (string.IsNullOrEmpty(path)) throw new ArgumentException("A path is required.", nameof(path));
            Path = path;
            IsFolder = folder;
            if (folder)
            {
                if (!Directory.Exists(path)) throw new DirectoryNotFoundException("The folder '" + path + "' does not exist.");
            }
            else
            {
                _file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.None);
            }
        }

        public string Path { get; }

        public bool IsFolder { get; }

        /// <summary>Records saved so far.</summary>
        public long RecordsSaved => Interlocked.Read(ref _saved);

        /// <summary>Saves <paramref name="record"/>, sets its <see cref="GatewayReceivedRecord.SavedPath"/> and returns it. Throws <see cref="IOException"/> when it could not be saved.</summary>
        public string Save(GatewayReceivedRecord record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            string saved = IsFolder ? SaveToFolder(record) : AppendToFile(record.Bytes);
            Interlocked.Increment(ref _saved);
            record.SavedPath = saved;
            return saved;
        }

        private string SaveToFolder(GatewayReceivedRecord record)
        {
            string name = record.ReceivedUtc.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-"
                + record.Sequence.ToString("D6", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".mrc";
            string final = System.IO.Path.Combine(Path, name);
            string temp = System.IO.Path.Combine(Path, "." + name + ".partial");
            try
            {
                using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    fs.Write(record.Bytes, 0, record.Bytes.Length);
                    fs.Flush(true);
                }
                File.Move(temp, final);
            }
            catch (Exception)
            {
                try { File.Delete(temp); } catch (Exception) { }
                throw;
            }
            return final;
        }

        private string AppendToFile(byte[] bytes)
        {
            lock (_gate)
            {
                FileStream file = _file ?? throw new ObjectDisposedException(nameof(GatewayRecordStore));
                long before = file.Length;
                try
                {
                    file.Write(bytes, 0, bytes.Length);
                    file.Flush(true);
                }
                catch (Exception)
                {
                    try { file.SetLength(before); } catch (Exception) { }
                    throw;
                }
            }
            return Path;
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _file?.Dispose();
                _file = null;
            }
        }
    }
}
