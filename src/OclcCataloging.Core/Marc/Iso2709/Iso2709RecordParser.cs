using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using OclcCataloging.Text;
using static OclcCataloging.Marc.Iso2709.Iso2709Constants;

namespace OclcCataloging.Marc.Iso2709
{
    /// <summary>
    /// Turns the bytes of one framed record into a <see cref="MarcRecord"/>. The record keeps the byte array:
    /// fields are views over it (subfields are split lazily), so nothing is decoded or copied here.
    /// <para>
    /// The directory is used when it is consistent (the fast path). When it is not, the fields are rebuilt by
    /// walking the field terminators of the data area and pairing each piece of data with a directory entry:
    /// first by offset and length, then (for a misaligned directory) by finding its length and offset digits
    /// in the directory, and last in order. Every problem becomes a warning with an absolute byte offset.
    /// </para>
    /// One instance per reader: it keeps scratch arrays between records and is not thread-safe.
    /// </summary>
    internal sealed class Iso2709RecordParser
    {
        private const string UnknownTag = "???";

        /// <summary>A directory ends before the base address (at most 99,999), so it holds at most this many entries.</summary>
        private const int MaxDirectoryEntries = (99999 - LeaderLength - 1) / EntryLength;

        /// <summary>The shortest data field holding a subfield: two indicators, delimiter, code, terminator.</summary>
        private const int MinRebuiltFieldLength = 5;

        /// <summary>Fields without a directory entry reported one by one; the rest are counted in one warning.</summary>
        private const int MaxUnknownTagWarnings = 20;

        private readonly bool _validateUtf8;
        private readonly bool _validateSubfields;
        private readonly TagCache _tags = new TagCache();

        // Fast path scratch: data start and length (with terminator) of each directory entry.
        private int[] _starts = new int[64];
        private int[] _lengths = new int[64];

        // Set by TryDirectory when it fails.
        private string? _problemCode;
        private string? _problemMessage;
        private long _problemOffset;
        private string? _problemTag;

        private readonly MarcEncoding _encoding;

        private readonly bool _validateMarc8;

        public Iso2709RecordParser(bool validateUtf8, bool validateSubfields, MarcEncoding encoding = MarcEncoding.Leader, bool validateMarc8 = false)
        {
            _encoding = encoding;
            _validateMarc8 = validateMarc8;
            _validateUtf8 = validateUtf8;
            _validateSubfields = validateSubfields;
        }

        /// <summary>
        /// Parses b[0..length). <paramref name="length"/> includes the record terminator when there is one.
        /// Returns null (with <paramref name="failure"/> set) when the bytes have no recognisable record structure.
        /// </summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        public MarcRecord? Parse(byte[] b, int length, long recordOffset, ref List<MarcDiagnostic>? warnings, out string? failure)
        {
            failure = null;
            if (length < LeaderLength)
            {
                failure = "The chunk is " + length + " bytes long, shorter than a 24-byte leader.";
                return null;
            }
            int dataEnd = b[length - 1] == RecordTerminator ? length - 1 : length;

            int declaredBase = Digits5(b, 12);
            if (Digits5(b, 0) < 0 && declaredBase < 0 && !LooksLikeDirectoryEntry(b, LeaderLength, dataEnd))
            {
                failure = "The chunk does not start with a leader (no record length, no base address, no directory): "
                    + HexPreview(b, 0, length) + ".";
                return null;
            }

            for (int i = 0; i < LeaderLength; i++)
            {
                byte c = b[i];
                if (c < 0x20 || c > 0x7E)
                {
                    Warn(ref warnings, MarcDiagnosticCodes.InvalidLeader,
                        "Leader position " + i + " holds byte 0x" + c.ToString("X2", CultureInfo.InvariantCulture) + ", which is not printable ASCII; it is kept as it is.",
                        recordOffset + i, null);
                    break;
                }
            }

            if ((b[20] != '4' || b[21] != '5' || b[22] != '0' || b[23] != '0') && IsPrintable(b, 20, 4))
            {
                // (A byte that is not printable ASCII there was reported as InvalidLeader above.)
                Warn(ref warnings, MarcDiagnosticCodes.EntryMapInvalid,
                    "Leader/20-23 (the entry map) is '" + Printable(b, 20, 4) + "', not '4500'; the directory was read as MARC 21's"
                    + " 12-byte entries (3-byte tag, 4-digit length, 5-digit start) and the leader is kept as it is.",
                    recordOffset + 20, null);
            }

            var leader = new Leader(b, 0);
            MarcTextCodec codec = _encoding == MarcEncoding.Leader ? MarcTextCodec.ForLeader(leader) : ChooseCodec(b, dataEnd, leader, recordOffset, ref warnings);
            int expectedFields = declaredBase > LeaderLength && declaredBase <= dataEnd ? (declaredBase - LeaderLength - 1) / EntryLength : 16;
            var record = new MarcRecord(leader, expectedFields);
            var raw = new RecordBytes(b, codec);

            bool ok = false, attempted = false;
            int dataStart = -1;
            if (declaredBase > LeaderLength && declaredBase <= dataEnd && (declaredBase - LeaderLength - 1) % EntryLength == 0)
            {
                attempted = true;
                ok = TryDirectory(b, declaredBase, dataEnd, record, raw, recordOffset, ref warnings);
                if (ok) dataStart = declaredBase;
            }

            if (!ok)
            {
                int firstFt = dataEnd > LeaderLength ? Array.IndexOf(b, FieldTerminator, LeaderLength, dataEnd - LeaderLength) : -1;
                if (firstFt < 0)
                {
                    if (dataEnd > LeaderLength)
                    {
                        failure = "No field terminator (0x1E) follows the leader, so the " + (dataEnd - LeaderLength)
                            + " bytes after it cannot be read as a directory or fields.";
                        return null;
                    }
                    Warn(ref warnings, MarcDiagnosticCodes.DirectoryInvalid,
                        "The record has a leader but no directory and no fields.", recordOffset + LeaderLength, null);
                }
                else
                {
                    int realBase = firstFt + 1;
                    if (realBase != declaredBase)
                    {
                        // The base address may be all that is wrong: try the directory against the real one.
                        bool retried = (realBase - LeaderLength - 1) % EntryLength == 0;
                        if (retried) ok = TryDirectory(b, realBase, dataEnd, record, raw, recordOffset, ref warnings);
                        Warn(ref warnings, MarcDiagnosticCodes.BaseAddressInvalid,
                            DescribeBadBase(b, declaredBase, dataEnd) + " The directory ends at byte " + firstFt
                            + (ok ? ", so the data was read from byte " + realBase + "." : "."),
                            recordOffset + 12, null);
                        if (!ok && retried) Warn(ref warnings, _problemCode!, _problemMessage!, _problemOffset, _problemTag);
                    }
                    else if (attempted)
                    {
                        Warn(ref warnings, _problemCode!, _problemMessage!, _problemOffset, _problemTag);
                    }
                    dataStart = realBase;
                    if (!ok)
                    {
                        int pieces = CountFieldTerminators(b, realBase, dataEnd);
                        if (pieces > MaxDirectoryEntries && (dataEnd - realBase) / pieces < MinRebuiltFieldLength)
                        {
                            // Rebuilding would make one field (and warnings) per piece: hundreds of bytes of memory per
                            // input byte. Real oversize records (thousands of item fields) have pieces of a plausible
                            // length and are still rebuilt; a flood of terminators is one unreadable chunk.
                            failure = "The directory cannot be used and the data area holds " + pieces.ToString("N0", CultureInfo.InvariantCulture)
                                + " field terminators, more than any directory can describe (" + MaxDirectoryEntries.ToString("N0", CultureInfo.InvariantCulture)
                                + ") and " + ((dataEnd - realBase) / pieces) + " bytes apart on average, too short for fields, so the fields cannot be rebuilt.";
                            return null;
                        }
                        Rebuild(b, firstFt, dataEnd, record, raw, recordOffset, ref warnings);
                    }
                }
            }

            if (_validateUtf8 && ReferenceEquals(codec, MarcTextCodec.Utf8) && dataStart >= 0 && dataStart < dataEnd
                && !Utf8Validator.IsValid(b, dataStart, dataEnd))
            {
                ReportInvalidUtf8(record, recordOffset, ref warnings);
            }

            if (_encoding == MarcEncoding.Leader && !ReferenceEquals(codec, MarcTextCodec.Utf8) && dataStart >= 0 && dataStart < dataEnd)
                VerifyMarc8(b, dataStart, dataEnd, leader, recordOffset, ref warnings);

            if (_validateMarc8 && ReferenceEquals(codec, MarcTextCodec.Marc8))
                MarcEncodingConverter.CollectWarnings(record, recordOffset, ref warnings);

            record.AddWarnings(warnings);
            return record;
        }

        /// <summary>Leader/09 says MARC-8: warn when the data is well-formed UTF-8 with multi-byte characters and no escape.</summary>
        private static void VerifyMarc8(byte[] b, int start, int end, Leader leader, long recordOffset, ref List<MarcDiagnostic>? warnings)
        {
#if NET8_0_OR_GREATER
            if (new ReadOnlySpan<byte>(b, start, end - start).IndexOfAnyInRange((byte)0x80, (byte)0xFF) < 0) return;
#endif
            if (MarcEncodingDetector.Detect(b, start, end - start, out string reason) != DetectedEncoding.Utf8) return;
            Warn(ref warnings, MarcDiagnosticCodes.EncodingMismatch,
                "Leader/09 is '" + leader.CharacterCodingScheme + "' (MARC-8), but " + reason
                + ". The record is read as MARC-8 as leader/09 says; read it with Encoding Auto or Utf8 to read it as UTF-8.",
                recordOffset + 9, null);
        }

        /// <summary>The codec for Auto, Utf8 and Marc8; sets leader/09 to match and says so when it changes.</summary>
        private MarcTextCodec ChooseCodec(byte[] b, int dataEnd, Leader leader, long recordOffset, ref List<MarcDiagnostic>? warnings)
        {
            char declared = leader.CharacterCodingScheme;
            bool utf8;
            string why;
            if (_encoding == MarcEncoding.Utf8 || _encoding == MarcEncoding.Marc8)
            {
                utf8 = _encoding == MarcEncoding.Utf8;
                why = "the encoding was set to " + (utf8 ? "UTF-8" : "MARC-8") + " explicitly";
            }
            else
            {
                int start = Math.Min(LeaderLength, dataEnd);
                DetectedEncoding d = MarcEncodingDetector.Detect(b, start, dataEnd - start, out why);
                utf8 = d == DetectedEncoding.Utf8 || (d == DetectedEncoding.Ascii && declared == 'a');
            }
            char wanted = utf8 ? 'a' : ' ';
            bool agrees = utf8 ? declared == 'a' : declared != 'a';
            if (!agrees)
            {
                leader.CharacterCodingScheme = wanted;
                Warn(ref warnings, _encoding == MarcEncoding.Auto ? MarcDiagnosticCodes.EncodingDetected : MarcDiagnosticCodes.EncodingOverridden,
                    "Leader/09 was '" + declared + "'; the record was read as " + (utf8 ? "UTF-8" : "MARC-8") + " because " + why
                    + ", and leader/09 was set to '" + wanted + "'.", recordOffset + 9, null);
            }
            return utf8 ? MarcTextCodec.Utf8 : MarcTextCodec.Marc8;
        }

        /// <summary>
        /// The fast path: validates every directory entry against base address <paramref name="baseAddress"/>,
        /// then creates the fields. Adds nothing to the record when it returns false.
        /// </summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        private bool TryDirectory(byte[] b, int baseAddress, int dataEnd, MarcRecord record, RecordBytes raw, long recordOffset, ref List<MarcDiagnostic>? warnings)
        {
            int n = (baseAddress - LeaderLength - 1) / EntryLength;
            if (n == 0 && b[baseAddress - 1] != FieldTerminator)
            {
                SetProblem(MarcDiagnosticCodes.DirectoryInvalid, "The record has no directory: byte 24 is not a field terminator.", recordOffset + LeaderLength, null);
                return false;
            }
            int dataLength = dataEnd - baseAddress;
            int expected = 0;
            bool contiguous = true;
            int warningsBefore = warnings?.Count ?? 0;
            int pos = LeaderLength;
            // One pass: check each entry and create its field; on a bad entry, undo and report (rare).
            for (int i = 0; i < n; i++, pos += EntryLength)
            {
                int len = Digits4(b, pos + 3);
                int off = Digits5(b, pos + 7);
                int start = baseAddress + off;
                if (len <= 0 || off < 0 || off + len > dataLength || b[start + len - 1] != FieldTerminator)
                {
                    SetEntryProblem(b, i, pos, len, off, dataLength, recordOffset);
                    Rollback(record, warnings, warningsBefore);
                    return false;
                }
                if (off != expected) contiguous = false;
                expected = off + len;
                AddField(b, _tags.Get(b, pos), start, start + len - 1, record, raw, recordOffset, false, ref warnings);
            }

            int unused = contiguous ? dataLength - expected : CheckOverlaps(b, baseAddress, n, dataLength, recordOffset);
            if (unused < 0)
            {
                Rollback(record, warnings, warningsBefore);
                return false;
            }
            if (b[baseAddress - 1] != FieldTerminator)
            {
                Warn(ref warnings, MarcDiagnosticCodes.DirectoryInvalid,
                    "The directory does not end with a field terminator: byte " + (baseAddress - 1) + " is 0x"
                    + b[baseAddress - 1].ToString("X2", CultureInfo.InvariantCulture) + ". The directory entries are consistent, so they were used.",
                    recordOffset + baseAddress - 1, null);
            }
            if (unused > 0)
            {
                Warn(ref warnings, MarcDiagnosticCodes.DirectoryInvalid,
                    unused + " bytes of the data area are not part of any field in the directory; they are left out.",
                    recordOffset + baseAddress, null);
            }
            if (_validateSubfields && n > 0) ScanSubfields(b, baseAddress, dataEnd, n, contiguous, record, recordOffset, ref warnings);
            return true;
        }

        private static void Rollback(MarcRecord record, List<MarcDiagnostic>? warnings, int warningsBefore)
        {
            record.Fields.Clear();
            if (warnings != null && warnings.Count > warningsBefore) warnings.RemoveRange(warningsBefore, warnings.Count - warningsBefore);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void SetEntryProblem(byte[] b, int i, int pos, int len, int off, int dataLength, long recordOffset)
        {
            if (len < 0 || off < 0)
            {
                SetProblem(MarcDiagnosticCodes.DirectoryInvalid,
                    "Directory entry " + (i + 1) + " has a length or starting position that is not numeric: '" + Printable(b, pos, EntryLength) + "'.",
                    recordOffset + pos, _tags.Get(b, pos));
            }
            else if (len == 0 || off + len > dataLength)
            {
                SetProblem(MarcDiagnosticCodes.FieldOffsetInvalid,
                    "Directory entry " + (i + 1) + " (offset " + off + ", length " + len + ") points outside the data area of " + dataLength + " bytes.",
                    recordOffset + pos, _tags.Get(b, pos));
            }
            else
            {
                SetProblem(MarcDiagnosticCodes.FieldOffsetInvalid,
                    "Directory entry " + (i + 1) + " (offset " + off + ", length " + len + ") does not end on a field terminator.",
                    recordOffset + pos, _tags.Get(b, pos));
            }
        }

        /// <summary>Fills the scratch arrays with the data start and length of each of the <paramref name="n"/> (already validated) entries.</summary>
        private void FillEntries(byte[] b, int baseAddress, int n)
        {
            if (_starts.Length < n)
            {
                int size = Math.Max(n, _starts.Length * 2);
                _starts = new int[size];
                _lengths = new int[size];
            }
            int pos = LeaderLength;
            for (int i = 0; i < n; i++, pos += EntryLength)
            {
                _starts[i] = baseAddress + Digits5(b, pos + 7);
                _lengths[i] = Digits4(b, pos + 3);
            }
        }

        /// <summary>For a directory whose fields are not in data order: the bytes no field covers, or -1 (problem set) when fields overlap.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private int CheckOverlaps(byte[] b, int baseAddress, int n, int dataLength, long recordOffset)
        {
            FillEntries(b, baseAddress, n);
            var s = new int[n];
            var e = new int[n];
            for (int i = 0; i < n; i++)
            {
                s[i] = _starts[i];
                e[i] = _starts[i] + _lengths[i];
            }
            Array.Sort(s, e);
            int covered = 0, reach = baseAddress;
            for (int i = 0; i < n; i++)
            {
                if (s[i] < reach)
                {
                    SetProblem(MarcDiagnosticCodes.DirectoryInvalid,
                        "Directory entries overlap: the field at byte " + s[i] + " starts inside the previous one.", recordOffset + s[i], null);
                    return -1;
                }
                covered += e[i] - s[i];
                reach = e[i];
            }
            return dataLength - covered;
        }

        /// <summary>
        /// Checks every subfield delimiter of the data area in one pass (fast path) and reports the ones without a
        /// valid code, at most one warning of each kind per field.
        /// </summary>
        private void ScanSubfields(byte[] b, int from, int to, int n, bool sorted, MarcRecord record, long recordOffset, ref List<MarcDiagnostic>? warnings)
        {
            int p = SubfieldScanner.FindProblem(b, from, to);
            if (p < 0) return;
            FillEntries(b, from, n);
            int[] starts = _starts, lengths = _lengths;
            int lastField = -1;
            bool emptyDone = false, invalidDone = false;
            while (p >= 0)
            {
                int fi = -1;
                if (sorted)
                {
                    int lo = 0, hi = n - 1;
                    while (lo <= hi)
                    {
                        int mid = (lo + hi) >> 1;
                        if (starts[mid] <= p) { fi = mid; lo = mid + 1; }
                        else hi = mid - 1;
                    }
                }
                else
                {
                    for (int i = 0; i < n; i++)
                    {
                        if (starts[i] <= p && p < starts[i] + lengths[i]) { fi = i; break; }
                    }
                }
                if (fi >= 0 && p < starts[fi] + lengths[fi] - 1 && record.Fields[fi] is DataField)
                {
                    if (fi != lastField)
                    {
                        lastField = fi;
                        emptyDone = invalidDone = false;
                    }
                    string tag = record.Fields[fi].Tag;
                    int fieldEnd = starts[fi] + lengths[fi] - 1;
                    int c = p + 1 < fieldEnd ? b[p + 1] : -1;
                    if (c < 0 || c == SubfieldDelimiter)
                    {
                        if (!emptyDone)
                        {
                            emptyDone = true;
                            Warn(ref warnings, MarcDiagnosticCodes.EmptySubfieldCode,
                                "Field " + tag + " has a subfield delimiter without a subfield code.", recordOffset + p, tag);
                        }
                    }
                    else if (!invalidDone)
                    {
                        invalidDone = true;
                        Warn(ref warnings, MarcDiagnosticCodes.InvalidSubfieldCode,
                            "Field " + tag + " has subfield code byte 0x" + c.ToString("X2", CultureInfo.InvariantCulture) + ", which is not printable ASCII.",
                            recordOffset + p + 1, tag);
                    }
                }
                p = SubfieldScanner.FindProblem(b, p + 1, to);
            }
        }

        /// <summary>
        /// Rebuilds the fields from the field terminators of the data area, taking tags from the directory
        /// where an entry can be matched to the data.
        /// </summary>
        private void Rebuild(byte[] b, int directoryEnd, int dataEnd, MarcRecord record, RecordBytes raw, long recordOffset, ref List<MarcDiagnostic>? warnings)
        {
            int dataStart = directoryEnd + 1;

            // Segments: runs of data each ending on a field terminator (the last may lack it).
            var segStart = new List<int>();
            var segEnd = new List<int>();   // exclusive, before the terminator
            int p = dataStart;
            bool lastUnterminated = false;
            while (p < dataEnd)
            {
                int ft = Array.IndexOf(b, FieldTerminator, p, dataEnd - p);
                if (ft < 0)
                {
                    segStart.Add(p);
                    segEnd.Add(dataEnd);
                    lastUnterminated = true;
                    break;
                }
                segStart.Add(p);
                segEnd.Add(ft);
                p = ft + 1;
            }
            int k = segStart.Count;

            // Directory entries, 12 bytes each from the end of the leader.
            int dirLength = directoryEnd - LeaderLength;
            int m = dirLength / EntryLength;
            int remainder = dirLength % EntryLength;
            var entryUsed = new bool[m];
            var segTag = new string?[k];
            var segGroup = new int[k];      // index of the segment a field spanning several segments ends on
            for (int i = 0; i < k; i++) segGroup[i] = i;

            if (remainder != 0)
            {
                Warn(ref warnings, MarcDiagnosticCodes.DirectoryInvalid,
                    "The directory is " + dirLength + " bytes long, which is not a multiple of 12.", recordOffset + LeaderLength, null);
            }

            // 1. Entries whose offset and length match data exactly (only when the entries are aligned).
            if (remainder == 0)
            {
                int[] starts = segStart.ToArray();
                for (int j = 0; j < m; j++)
                {
                    int ep = LeaderLength + j * EntryLength;
                    int len = Digits4(b, ep + 3);
                    int off = Digits5(b, ep + 7);
                    if (len <= 0 || off < 0) continue;
                    int i = Array.BinarySearch(starts, dataStart + off);
                    if (i < 0 || segTag[i] != null) continue;
                    int endWithFt = dataStart + off + len;   // one past the terminator
                    int last = i;
                    while (last < k && SegmentEndWithTerminator(segEnd[last], last, k, lastUnterminated) < endWithFt) last++;
                    if (last >= k || SegmentEndWithTerminator(segEnd[last], last, k, lastUnterminated) != endWithFt) continue;
                    bool free = true;
                    for (int q = i; q <= last; q++) free &= segTag[q] == null;
                    if (!free) continue;
                    string tag = _tags.Get(b, ep);
                    for (int q = i; q <= last; q++) segTag[q] = tag;
                    segGroup[i] = last;
                    entryUsed[j] = true;
                }
            }

            // 2. A misaligned directory: find each piece's length and offset digits anywhere in it.
            if (remainder != 0)
            {
                Dictionary<long, int>? index = null;
                for (int i = 0; i < k; i++)
                {
                    if (segTag[i] != null) continue;
                    index ??= IndexDirectoryNumbers(b, directoryEnd);
                    int len = segEnd[i] - segStart[i] + 1;
                    int off = segStart[i] - dataStart;
                    int at = FindEntry(index, len, off);
                    if (at >= 3) segTag[i] = _tags.Get(b, at - 3);
                }
            }

            // 3. The rest in order: unmatched data with unused entries.
            int nextEntry = 0;
            for (int i = 0; i < k; i++)
            {
                if (segTag[i] != null) continue;
                while (nextEntry < m && entryUsed[nextEntry]) nextEntry++;
                if (nextEntry >= m) break;
                segTag[i] = _tags.Get(b, LeaderLength + nextEntry * EntryLength);
                entryUsed[nextEntry] = true;
            }

            // Create the fields in data order.
            int created = 0, unknownTags = 0;
            for (int i = 0; i < k; i++)
            {
                int last = segGroup[i];
                int start = segStart[i];
                int end = segEnd[last];
                string? tag = segTag[i];
                if (tag == null)
                {
                    if (end == start && !(lastUnterminated && last == k - 1))
                    {
                        Warn(ref warnings, MarcDiagnosticCodes.DirectoryInvalid,
                            "A stray field terminator that belongs to no directory entry was dropped.", recordOffset + start, null);
                        i = last;
                        continue;
                    }
                    tag = UnknownTag;
                    if (++unknownTags <= MaxUnknownTagWarnings)
                    {
                        Warn(ref warnings, MarcDiagnosticCodes.InvalidTag,
                            "Field data at byte " + start + " (" + (end - start) + " bytes) has no directory entry, so its tag is unknown; it was kept with tag '" + UnknownTag + "'.",
                            recordOffset + start, UnknownTag);
                    }
                }
                bool terminated = !(lastUnterminated && last == k - 1);
                int lengthWithFt = end - start + 1;
                if (lengthWithFt > MaxFieldLength)
                {
                    Warn(ref warnings, MarcDiagnosticCodes.OversizeField,
                        "Field " + tag + " is " + lengthWithFt + " bytes long, more than the 9,999 a directory entry can state.", recordOffset + start, tag);
                }
                if (!terminated)
                {
                    Warn(ref warnings, MarcDiagnosticCodes.MissingFieldTerminator,
                        "Field " + tag + " is not ended by a field terminator (0x1E); it was read up to the end of the record.", recordOffset + end, tag);
                }
                AddField(b, tag, start, end, record, raw, recordOffset, _validateSubfields, ref warnings);
                created++;
                i = last;
            }

            if (unknownTags > MaxUnknownTagWarnings)
            {
                Warn(ref warnings, MarcDiagnosticCodes.InvalidTag,
                    (unknownTags - MaxUnknownTagWarnings).ToString("N0", CultureInfo.InvariantCulture) + " more fields have no directory entry and were kept with tag '" + UnknownTag + "'.",
                    recordOffset + dataStart, UnknownTag);
            }

            int unusedEntries = 0;
            string? firstUnused = null;
            if (remainder == 0)
            {
                for (int j = 0; j < m; j++)
                {
                    if (entryUsed[j]) continue;
                    if (unusedEntries++ == 0) firstUnused = _tags.Get(b, LeaderLength + j * EntryLength);
                }
            }
            if (unusedEntries > 0)
            {
                Warn(ref warnings, MarcDiagnosticCodes.DirectoryInvalid,
                    unusedEntries + " directory entr" + (unusedEntries == 1 ? "y has" : "ies have") + " no field data left in the record (first: tag " + firstUnused + ").",
                    recordOffset + LeaderLength, firstUnused);
            }
            Warn(ref warnings, MarcDiagnosticCodes.DirectoryRebuilt,
                "The directory could not be used as it is; " + created + " field" + (created == 1 ? " was" : "s were")
                + " rebuilt from the field terminators in the data area (the directory has " + m + " entr" + (m == 1 ? "y" : "ies") + ").",
                recordOffset + LeaderLength, null);
        }

        private static int CountFieldTerminators(byte[] b, int from, int to)
        {
            int n = 0;
            for (int p = from; p < to; p++)
            {
                int ft = Array.IndexOf(b, FieldTerminator, p, to - p);
                if (ft < 0) break;
                n++;
                p = ft;
            }
            return n;
        }

        private static int SegmentEndWithTerminator(int end, int index, int count, bool lastUnterminated)
        {
            return lastUnterminated && index == count - 1 ? end : end + 1;
        }

        /// <summary>
        /// Maps every run of 9 digits (4-digit length + 5-digit offset) and 10 digits (5-digit length, written by
        /// tools that overflow the length) in the directory to the position where it starts.
        /// </summary>
        private static Dictionary<long, int> IndexDirectoryNumbers(byte[] b, int directoryEnd)
        {
            var index = new Dictionary<long, int>();
            for (int p = LeaderLength; p + 9 <= directoryEnd; p++)
            {
                int len4 = Digits4(b, p);
                if (len4 < 0) continue;
                int off5 = Digits5(b, p + 4);
                if (off5 >= 0)
                {
                    long key = (long)len4 * 1000000 + off5;
                    if (!index.ContainsKey(key)) index[key] = p;
                }
                if (p + 10 <= directoryEnd)
                {
                    int len5 = Digits5(b, p);
                    int off = len5 >= 0 ? Digits5(b, p + 5) : -1;
                    if (off >= 0)
                    {
                        long key = 1000000000000L + (long)len5 * 1000000 + off;
                        if (!index.ContainsKey(key)) index[key] = p;
                    }
                }
            }
            return index;
        }

        private static int FindEntry(Dictionary<long, int> index, int len, int off)
        {
            int off5 = off % 100000;
            if (len <= MaxFieldLength)
            {
                if (index.TryGetValue((long)len * 1000000 + off5, out int p)) return p;
                if (off > 99999 && index.TryGetValue((long)len * 1000000 + 99999, out p)) return p;
            }
            else
            {
                if (len <= 99999 && index.TryGetValue(1000000000000L + (long)len * 1000000 + off5, out int p)) return p;
                if (index.TryGetValue(9999L * 1000000 + off5, out p)) return p;
                if (index.TryGetValue((long)(len % 10000) * 1000000 + off5, out p)) return p;
            }
            return -1;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void AddField(byte[] b, string tag, int start, int end, MarcRecord record, RecordBytes raw, long recordOffset, bool checkSubfields, ref List<MarcDiagnostic>? warnings)
        {
            if (tag[0] == '0' && tag[1] == '0')
            {
                record.Fields.AddRead(new ControlField(tag, raw, start, end - start));
                return;
            }
            // The common case: two indicators and a delimiter, numeric tag, subfields checked elsewhere.
            if (end - start >= 3 && b[start] != SubfieldDelimiter && b[start + 1] != SubfieldDelimiter && b[start + 2] == SubfieldDelimiter
                && !checkSubfields && (uint)(tag[0] - '0') <= 9 && (uint)(tag[1] - '0') <= 9 && (uint)(tag[2] - '0') <= 9)
            {
                record.Fields.AddRead(new DataField(tag, (char)b[start], (char)b[start + 1], raw, start + 2, end - start - 2));
                return;
            }
            AddDataField(b, tag, start, end, record, raw, recordOffset, checkSubfields, ref warnings);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void AddDataField(byte[] b, string tag, int start, int end, MarcRecord record, RecordBytes raw, long recordOffset, bool checkSubfields, ref List<MarcDiagnostic>? warnings)
        {
            int count = end - start;
            char ind1 = ' ', ind2 = ' ';
            int sub;
            if (count >= 2 && b[start] != SubfieldDelimiter && b[start + 1] != SubfieldDelimiter)
            {
                ind1 = (char)b[start];
                ind2 = (char)b[start + 1];
                sub = start + 2;
            }
            else
            {
                sub = start;
                if (count >= 1 && b[start] != SubfieldDelimiter)
                {
                    ind1 = (char)b[start];
                    sub = start + 1;
                }
                Warn(ref warnings, MarcDiagnosticCodes.MissingIndicators,
                    "Field " + tag + " has " + (sub - start) + " indicator" + (sub - start == 1 ? "" : "s") + " instead of 2; the missing ones were set to blank.",
                    recordOffset + start, tag);
            }
            if (_validateSubfields && sub < end)
            {
                if (b[sub] != SubfieldDelimiter)
                {
                    Warn(ref warnings, MarcDiagnosticCodes.DataBeforeFirstSubfield,
                        "Field " + tag + " has data before its first subfield delimiter; it is kept as a subfield without a code.",
                        recordOffset + sub, tag);
                }
                if (checkSubfields) CheckSubfields(b, sub, end, tag, recordOffset, ref warnings);
            }
            if (!TagCache.IsWellFormed(tag) && !ReferenceEquals(tag, UnknownTag))
            {
                Warn(ref warnings, MarcDiagnosticCodes.InvalidTag,
                    "Tag '" + Printable(tag) + "' contains characters that are not printable ASCII.", recordOffset + start, tag);
            }
            record.Fields.AddRead(new DataField(tag, ind1, ind2, raw, sub, end - sub));
        }

        private static void CheckSubfields(byte[] b, int sub, int end, string tag, long recordOffset, ref List<MarcDiagnostic>? warnings)
        {
            bool reportedEmpty = false, reportedInvalid = false;
            int i = Array.IndexOf(b, SubfieldDelimiter, sub, end - sub);
            while (i >= 0)
            {
                int next = i + 1;
                if (next >= end || b[next] == SubfieldDelimiter)
                {
                    if (!reportedEmpty)
                    {
                        reportedEmpty = true;
                        Warn(ref warnings, MarcDiagnosticCodes.EmptySubfieldCode,
                            "Field " + tag + " has a subfield delimiter without a subfield code.", recordOffset + i, tag);
                    }
                }
                else
                {
                    byte c = b[next];
                    if ((c < 0x21 || c > 0x7E) && !reportedInvalid)
                    {
                        reportedInvalid = true;
                        Warn(ref warnings, MarcDiagnosticCodes.InvalidSubfieldCode,
                            "Field " + tag + " has subfield code byte 0x" + c.ToString("X2", CultureInfo.InvariantCulture) + ", which is not printable ASCII.",
                            recordOffset + next, tag);
                    }
                }
                if (next >= end) break;
                i = Array.IndexOf(b, SubfieldDelimiter, next, end - next);
            }
        }

        private void ReportInvalidUtf8(MarcRecord record, long recordOffset, ref List<MarcDiagnostic>? warnings)
        {
            bool any = false;
            foreach (MarcField f in record.Fields)
            {
                byte[] buf;
                int off, count;
                if (f is DataField d)
                {
                    if (!d.TryGetRawSubfields(MarcTextCodec.Utf8, out buf, out off, out count)) continue;
                }
                else if (!((ControlField)f).RawValue.TryGetRaw(MarcTextCodec.Utf8, out buf, out off, out count))
                {
                    continue;
                }
                int bad = Utf8Validator.FirstInvalid(buf, off, off + count);
                if (bad >= 0)
                {
                    any = true;
                    Warn(ref warnings, MarcDiagnosticCodes.InvalidUtf8,
                        "Field " + f.Tag + " is not well-formed UTF-8 (byte 0x" + buf[bad].ToString("X2", CultureInfo.InvariantCulture)
                        + "), although leader/09 says UTF-8. The bytes are kept; text shows U+FFFD for them.",
                        recordOffset + bad, f.Tag);
                }
            }
            if (!any)
            {
                // Ill-formed bytes outside the fields (e.g. in indicators): report once for the record.
                Warn(ref warnings, MarcDiagnosticCodes.InvalidUtf8,
                    "The data area is not well-formed UTF-8 although leader/09 says UTF-8 (outside subfield values).", recordOffset, null);
            }
        }

        private static bool LooksLikeDirectoryEntry(byte[] b, int pos, int end)
        {
            if (pos + EntryLength > end) return false;
            for (int i = 0; i < 3; i++)
            {
                byte c = b[pos + i];
                if (c <= 0x20 || c > 0x7E) return false;
            }
            return Digits4(b, pos + 3) >= 0 && Digits5(b, pos + 7) >= 0;
        }

        private static string DescribeBadBase(byte[] b, int declaredBase, int dataEnd)
        {
            if (declaredBase < 0) return "The base address of data (leader/12-16 '" + Printable(b, 12, 5) + "') is not numeric.";
            if (declaredBase <= LeaderLength) return "The base address of data (" + declaredBase + ") is inside the leader.";
            if (declaredBase > dataEnd) return "The base address of data (" + declaredBase + ") is beyond the end of the record (" + dataEnd + " bytes of data).";
            if ((declaredBase - LeaderLength - 1) % EntryLength != 0)
                return "The base address of data (" + declaredBase + ") does not leave room for whole 12-byte directory entries.";
            return "The base address of data (" + declaredBase + ") does not match the directory.";
        }

        private void SetProblem(string code, string message, long offset, string? tag)
        {
            _problemCode = code;
            _problemMessage = message;
            _problemOffset = offset;
            _problemTag = tag;
        }

        internal static void Warn(ref List<MarcDiagnostic>? warnings, string code, string message, long offset, string? tag)
        {
            (warnings ??= new List<MarcDiagnostic>()).Add(new MarcDiagnostic(MarcSeverity.Warning, code, message, offset, tag));
        }

        private static bool IsPrintable(byte[] b, int offset, int count)
        {
            for (int i = offset; i < offset + count; i++)
            {
                if (b[i] < 0x20 || b[i] > 0x7E) return false;
            }
            return true;
        }

        private static string Printable(byte[] b, int offset, int count)
        {
            var chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                byte c = b[offset + i];
                chars[i] = c >= 0x20 && c < 0x7F ? (char)c : '.';
            }
            return new string(chars);
        }

        private static string Printable(string s)
        {
            var chars = s.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] < ' ' || chars[i] > '~') chars[i] = '.';
            }
            return new string(chars);
        }
    }
}
