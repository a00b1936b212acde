using System;
using System.Collections.Generic;
using System.IO;
using OclcCataloging.DataSync.FileNames;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Oclc;
using OclcCataloging.Resilience;

namespace OclcCataloging.DataSync.Export
{
    /// <summary>
    /// Writes records into as many compliant data sync upload files (ISO 2709) as needed: at most
    /// <see cref="DataSyncExportOptions.MaxRecordsPerFile"/> records and <see cref="DataSyncExportOptions.MaxFileBytes"/>
    /// bytes each, named by <see cref="DataSyncFileNameBuilder"/> (collectionId.SYMBOL[.description].Dyyyymmdd.Thhmmss.n.mrc).
    /// <para>
    /// Bibliographic records stream straight into the files. Local holdings records must keep every LHR of one OCN
    /// in one file even when the input is not sorted, with bounded memory: each record is first written, as
    /// ISO 2709, to one of <see cref="DataSyncExportOptions.BucketCount"/> temporary bucket files chosen by its OCN,
    /// so all LHRs of an OCN land in the same bucket. <see cref="Complete"/> then reads one bucket at a time,
    /// groups its records by OCN (in input order within the group) and packs whole groups into the output files.
    /// Memory holds one bucket (about records / BucketCount records: ~4,000 for a million-record input with 256
    /// buckets) plus one 16 KB buffer per bucket; disk holds one temporary copy of the input.
    /// </para>
    /// <para>Output files are written through temporary files and all moved into place by <see cref="Complete"/>: a
    /// failed or cancelled run leaves no output file and no temporary file behind.</para>
    /// </summary>
    public sealed class DataSyncFileSplitter : IDisposable
    {
        private readonly DataSyncExportOptions _options;
        private readonly IRetryExecutor? _retry;
        private readonly DateTime _stamp;
        private readonly List<DataSyncFileResult> _results = new List<DataSyncFileResult>();
        private readonly List<MarcFileWriter> _writers = new List<MarcFileWriter>();
        private MarcFileWriter? _current;
        private DataSyncFileResult? _currentResult;
        private HashSet<long>? _currentOcns;
        private string? _bucketDir;
        private FileStream?[]? _buckets;
        private bool _completed;

        public DataSyncFileSplitter(DataSyncExportOptions options, IRetryExecutor? retry = null)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            _retry = retry;
            if (options.MaxRecordsPerFile < 1) throw new ArgumentException("MaxRecordsPerFile must be 1 or more.", nameof(options));
            if (options.BucketCount < 1) throw new ArgumentException("BucketCount must be 1 or more.", nameof(options));
            if (!System.IO.Directory.Exists(options.Directory)) throw new DirectoryNotFoundException("The folder '" + options.Directory + "' does not exist.");
            // Validates collection ID, symbol and description now, before any record is taken.
            DataSyncFileNameBuilder.BuildCore(options.CollectionId, options.Symbol, Description(), "mrc", null, 1);
            _stamp = DataSyncFileNameBuilder.UniqueStamp(options.Timestamp ?? DateTime.Now);
        }

        /// <summary>Records taken so far.</summary>
        public long RecordsAdded { get; private set; }

        /// <summary>
        /// Takes one record. Throws <see cref="DataSyncExportException"/> for a record that cannot be written (an LHR
        /// without an OCN, a record ISO 2709 cannot hold); the record is skipped and the others go on.
        /// </summary>
        public void Add(MarcRecord record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (_completed) throw new InvalidOperationException("The files were already completed.");
            byte[] bytes;
            try
            {
                bytes = Iso2709Writer.ToBytes(record);
            }
            catch (Exception e) when (e is MarcWriteException || e is MarcEncodingException)
            {
                throw new DataSyncExportException("RecordNotWritable", e.Message);
            }
            if (bytes.Length > _options.MaxFileBytes)
                throw new DataSyncExportException("RecordTooLarge", "The record is " + bytes.Length + " bytes, more than a file may hold.");

            if (_options.Kind == DataSyncRecordKind.Bibliographic)
            {
                Place(record, bytes.Length, 1, 0);
                RecordsAdded++;
                return;
            }

            var ocn = OclcNumberFinder.FindPrimary(record, _options.OclcNumberLocation);
            if (ocn == null)
                throw new DataSyncExportException("LhrWithoutOclcNumber",
                    "The LHR has no valid OCLC number in " + OclcNumberLocationNames.All[(int)_options.OclcNumberLocation] + "; it cannot be grouped with the other LHRs of its bib and is not written.");
            int bucket = (int)((ulong)ocn.Value * 11400714819323198485UL >> 40) % _options.BucketCount;
            Bucket(bucket).Write(bytes, 0, bytes.Length);
            RecordsAdded++;
        }

        /// <summary>Writes out the LHR groups, commits every file and returns them in order.</summary>
        public IList<DataSyncFileResult> Complete()
        {
            if (_completed) return _results;
            if (_buckets != null)
            {
                for (int i = 0; i < _buckets.Length; i++)
                {
                    var fs = _buckets[i];
                    if (fs == null) continue;
                    fs.Flush();
                    fs.Position = 0;
                    WriteBucket(fs);
                    fs.Dispose();
                    _buckets[i] = null;
                }
            }
            foreach (var w in _writers) w.Commit();
            foreach (var r in _results) r.Bytes = new FileInfo(r.Path).Length;
            _completed = true;
            DeleteBuckets();
            return _results;
        }

        private void WriteBucket(FileStream fs)
        {
            var groups = new Dictionary<long, List<MarcRecord>>();
            var order = new List<long>();
            using (var reader = MarcReaderFactory.Create(fs, MarcFormat.Iso2709, null, new MarcReaderOptions { LeaveOpen = true }))
            {
                MarcReadResult? r;
                while ((r = reader.ReadNext()) != null)
                {
                    if (r.Record == null) throw new IOException("A temporary bucket file could not be read back: " + r.Error?.Message);
                    long key = OclcNumberFinder.FindPrimary(r.Record, _options.OclcNumberLocation)!.Value;
                    if (!groups.TryGetValue(key, out var list)) { groups[key] = list = new List<MarcRecord>(1); order.Add(key); }
                    list.Add(r.Record);
                }
            }
            foreach (long key in order)
            {
                var group = groups[key];
                long bytes = 0;
                foreach (var rec in group) bytes += rec.Origin?.ByteLength ?? Iso2709Writer.ToBytes(rec).Length;
                if (group.Count > _options.MaxRecordsPerFile || bytes > _options.MaxFileBytes)
                    throw new DataSyncExportException("OcnGroupTooLarge",
                        "The " + group.Count + " LHRs of OCN " + key + " (" + bytes + " bytes) do not fit in one file; they cannot be split across files.");
                bool first = true;
                foreach (var rec in group)
                {
                    Place(rec, first ? bytes : 0, first ? group.Count : 0, key);
                    first = false;
                }
            }
        }

        /// <summary>Writes a record; when <paramref name="groupCount"/> &gt; 0 the whole group must fit in the current file.</summary>
        private void Place(MarcRecord record, long groupBytes, int groupCount, long ocn)
        {
            if (groupCount > 0 && _current != null && _currentResult != null
                && (_currentResult.Records + groupCount > _options.MaxRecordsPerFile || _currentResult.Bytes + groupBytes > _options.MaxFileBytes))
            {
                _current = null;
            }
            if (_current == null) StartFile();
            _current!.Write(record);
            _currentResult!.Records++;
            _currentResult.Bytes += groupCount > 0 ? groupBytes : 0;
            if (ocn != 0) { _currentOcns!.Add(ocn); _currentResult.OclcNumbers = _currentOcns.Count; }
        }

        private void StartFile()
        {
            int sequence = _results.Count + 1;
            string name = DataSyncFileNameBuilder.BuildCore(_options.CollectionId, _options.Symbol, Description(), "mrc", _stamp, sequence);
            string path = Path.Combine(_options.Directory, name);
            if (File.Exists(path)) throw new IOException("The file '" + path + "' already exists.");
            var writer = new MarcFileWriter(path, new MarcFileWriterOptions { Format = MarcFormat.Iso2709 }, _retry);
            _writers.Add(writer);
            _current = writer;
            _currentResult = new DataSyncFileResult(path, name, sequence, _options.Kind);
            _currentOcns = new HashSet<long>();
            _results.Add(_currentResult);
        }

        private IEnumerable<string>? Description() => string.IsNullOrEmpty(_options.Description) ? null : new[] { _options.Description! };

        private FileStream Bucket(int index)
        {
            if (_buckets == null)
            {
                _bucketDir = Path.Combine(_options.Directory, ".datasync-" + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
                System.IO.Directory.CreateDirectory(_bucketDir);
                _buckets = new FileStream?[_options.BucketCount];
            }
            return _buckets[index] ??= new FileStream(Path.Combine(_bucketDir!, index.ToString("000") + ".mrc"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 16 * 1024, FileOptions.DeleteOnClose);
        }

        private void DeleteBuckets()
        {
            if (_buckets != null)
            {
                foreach (var fs in _buckets) fs?.Dispose();
                _buckets = null;
            }
            if (_bucketDir != null)
            {
                try { System.IO.Directory.Delete(_bucketDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
                _bucketDir = null;
            }
        }

        /// <summary>Without <see cref="Complete"/>, no output file is left behind.</summary>
        public void Dispose()
        {
            foreach (var w in _writers) w.Dispose();
            _writers.Clear();
            DeleteBuckets();
        }
    }
}
