using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using OclcCataloging.Marc;

namespace OclcCataloging.DataSync.Lhr
{
    /// <summary>
    /// The checks across all input (docs/design/data-sync.md): every LHR of one OCN (compared
    /// numerically) in the same file; one OCN location per file; at most 100,000 records and 1 GB per file; the
    /// same LHR sent twice; at most 10,000 LHRs per OCN; ambiguous delete targets. Feed it every
    /// <see cref="LhrRecordResult"/> in input order, then call <see cref="Finish"/>.
    /// Memory: one small entry per distinct OCN (file index, count, a few ordinals) plus a 64-bit content hash per
    /// record, about 60 bytes a record; records themselves are not kept.
    /// </summary>
    public sealed class LhrFileChecker
    {
        private const int MaxOrdinals = 100;
        private readonly LhrValidationOptions _options;
        private readonly List<FileStats> _files = new List<FileStats>();
        private readonly Dictionary<string, int> _fileIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        private readonly Dictionary<long, OcnEntry> _ocns = new Dictionary<long, OcnEntry>();
        private readonly Dictionary<ulong, long> _contentHashes = new Dictionary<ulong, long>();
        private readonly List<LhrFileFinding> _duplicates = new List<LhrFileFinding>();
        private Dictionary<string, List<long>>? _deleteTargets;

        public LhrFileChecker(LhrValidationOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>Adds one checked record.</summary>
        public void Add(LhrRecordResult result)
        {
            if (result == null) throw new ArgumentNullException(nameof(result));
            string file = result.SourcePath ?? string.Empty;
            if (!_fileIndex.TryGetValue(file, out int fi))
            {
                fi = _files.Count;
                _fileIndex[file] = fi;
                _files.Add(new FileStats(file));
            }
            var stats = _files[fi];
            stats.Records++;
            stats.Bytes += Math.Max(result.Record.Origin?.ByteLength ?? 0, 0);
            if (result.OclcNumberSource != null) stats.Locations.Add(result.OclcNumberSource);
            else stats.WithoutOcn++;

            if (result.Excluded || result.OcnValue == 0) return;

            if (!_ocns.TryGetValue(result.OcnValue, out var entry))
            {
                entry = new OcnEntry(fi);
                _ocns[result.OcnValue] = entry;
            }
            entry.Count++;
            if (entry.FileIndex != fi) (entry.OtherFiles ??= new HashSet<int>()).Add(fi);
            if (entry.Ordinals.Count < MaxOrdinals) entry.Ordinals.Add(result.Ordinal);

            MarcRecord content = result.TranslatedRecord ?? result.Record;
            ulong hash = ContentHash(content, result.OcnValue);
            if (_contentHashes.TryGetValue(hash, out long firstOrdinal))
            {
                _duplicates.Add(new LhrFileFinding(LhrRules.FileDuplicateLhr, FindingSeverity.Warning, file.Length == 0 ? null : file,
                    result.OclcNumber, new[] { firstOrdinal, result.Ordinal },
                    "Record " + result.Ordinal.ToString(CultureInfo.InvariantCulture) + " repeats record " + firstOrdinal.ToString(CultureInfo.InvariantCulture)
                    + " (same OCN " + result.OclcNumber + " and the same content apart from 001/005): the same LHR is sent twice, and OCLC would load two copies."));
            }
            else
            {
                _contentHashes[hash] = result.Ordinal;
            }

            if (_options.CollectionType == LhrCollectionType.DeleteLocalHoldings && result.Translated852b != null)
            {
                string key = result.OcnValue.ToString(CultureInfo.InvariantCulture) + "/" + result.Translated852b;
                _deleteTargets ??= new Dictionary<string, List<long>>(StringComparer.Ordinal);
                if (!_deleteTargets.TryGetValue(key, out var list)) _deleteTargets[key] = list = new List<long>(1);
                if (list.Count < MaxOrdinals) list.Add(result.Ordinal);
            }
        }

        /// <summary>The findings across the input, after every record was added.</summary>
        public IList<LhrFileFinding> Finish()
        {
            var findings = new List<LhrFileFinding>();
            foreach (var stats in _files)
            {
                string? name = stats.Path.Length == 0 ? null : stats.Path;
                string label = name == null ? "The pipeline input" : "'" + name + "'";
                if (stats.Records > _options.MaxRecordsPerFile)
                    findings.Add(new LhrFileFinding(LhrRules.FileTooManyRecords, FindingSeverity.Error, name, null, Array.Empty<long>(),
                        label + " has " + stats.Records.ToString("N0", CultureInfo.InvariantCulture) + " records; OCLC takes at most "
                        + _options.MaxRecordsPerFile.ToString("N0", CultureInfo.InvariantCulture) + " per file. Split it into files of at most that many records."));
                long bytes = stats.Bytes;
                if (name != null)
                {
                    try { var fi = new FileInfo(name); if (fi.Exists) bytes = Math.Max(bytes, fi.Length); } catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException) { }
                }
                if (bytes > _options.MaxFileBytes)
                    findings.Add(new LhrFileFinding(LhrRules.FileTooLarge, FindingSeverity.Warning, name, null, Array.Empty<long>(),
                        label + " is " + bytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes; My Files takes at most 1 GB, use SFTP or split it."));
                if (stats.Locations.Count > 1 || (stats.Locations.Count > 0 && stats.WithoutOcn > 0))
                    findings.Add(new LhrFileFinding(LhrRules.FileOcnLocationInconsistent, FindingSeverity.Error, name, null, Array.Empty<long>(),
                        label + " takes OCNs from " + string.Join(" and ", new List<string>(stats.Locations).ToArray())
                        + (stats.WithoutOcn > 0 ? ", and " + stats.WithoutOcn.ToString(CultureInfo.InvariantCulture) + " records have none there" : string.Empty)
                        + "; OCLC reads one location, the same in every record."));
            }
            foreach (var kv in _ocns)
            {
                var entry = kv.Value;
                string ocn = kv.Key.ToString(CultureInfo.InvariantCulture);
                if (entry.OtherFiles != null && _options.CollectionType == LhrCollectionType.LocalHoldings)
                {
                    var names = new List<string> { Describe(entry.FileIndex) };
                    foreach (int i in entry.OtherFiles) names.Add(Describe(i));
                    findings.Add(new LhrFileFinding(LhrRules.FileOcnSplit, FindingSeverity.Error, null, ocn, entry.Ordinals,
                        "The " + entry.Count.ToString(CultureInfo.InvariantCulture) + " LHRs of OCN " + ocn + " are in " + names.Count + " files (" + string.Join(", ", names.ToArray())
                        + "); OCLC replaces all LHRs of a bib with those in one file, so each file would delete the others' copies."));
                }
                if (entry.Count > _options.MaxLhrsPerBib)
                    findings.Add(new LhrFileFinding(LhrRules.FileTooManyLhrsPerBib, FindingSeverity.Error, null, ocn, entry.Ordinals,
                        "OCN " + ocn + " has " + entry.Count.ToString("N0", CultureInfo.InvariantCulture) + " LHRs; WorldCat holds at most "
                        + _options.MaxLhrsPerBib.ToString("N0", CultureInfo.InvariantCulture) + " per bibliographic record."));
            }
            findings.AddRange(_duplicates);
            if (_deleteTargets != null)
            {
                foreach (var kv in _deleteTargets)
                {
                    if (kv.Value.Count < 2) continue;
                    int slash = kv.Key.IndexOf('/');
                    findings.Add(new LhrFileFinding(LhrRules.FileDeleteAmbiguousTarget, FindingSeverity.Warning, null, kv.Key.Substring(0, slash), kv.Value,
                        kv.Value.Count + " delete records name OCN " + kv.Key.Substring(0, slash) + " with 852 $b " + kv.Key.Substring(slash + 1)
                        + "; OCLC does not document which LHR each one removes."));
                }
            }
            return findings;
        }

        private string Describe(int fileIndex) => _files[fileIndex].Path.Length == 0 ? "(pipeline)" : Path.GetFileName(_files[fileIndex].Path);

        /// <summary>FNV-1a over the OCN and every field except 001 and 005, so a re-sent copy hashes the same.</summary>
        internal static ulong ContentHash(MarcRecord record, long ocn)
        {
            ulong h = 14695981039346656037UL;
            h = Mix(h, ocn.ToString(CultureInfo.InvariantCulture));
            foreach (var f in record.Fields)
            {
                if (f.Tag == "001" || f.Tag == "005") continue;
                h = Mix(h, f.Tag);
                if (f is DataField df) { h = Mix(h, df.Indicators); foreach (var sf in df.Subfields) { h = Mix(h, "\u001f" + sf.Code); h = Mix(h, sf.Value); } }
                else h = Mix(h, f.Text);
                h = Mix(h, "\u001e");
            }
            return h;
        }

        private static ulong Mix(ulong h, string s)
        {
            foreach (char c in s) { h ^= c; h *= 1099511628211UL; }
            return h;
        }

        private sealed class FileStats
        {
            internal FileStats(string path) { Path = path; }
            internal string Path { get; }
            internal long Records;
            internal long Bytes;
            internal long WithoutOcn;
            internal readonly HashSet<string> Locations = new HashSet<string>(StringComparer.Ordinal);
        }

        private sealed class OcnEntry
        {
            internal OcnEntry(int fileIndex) { FileIndex = fileIndex; }
            internal int FileIndex { get; }
            internal int Count;
            internal HashSet<int>? OtherFiles;
            internal readonly List<long> Ordinals = new List<long>(1);
        }
    }
}
