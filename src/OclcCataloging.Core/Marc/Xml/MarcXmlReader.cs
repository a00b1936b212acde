using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using OclcCataloging.Marc.IO;
using OclcCataloging.Text;

namespace OclcCataloging.Marc.Xml
{
    /// <summary>
    /// Reads MARCXML records one at a time from a stream, without loading the document.
    /// </summary>
    /// <remarks>
    /// <para>Accepted: a <c>&lt;collection&gt;</c> or a bare <c>&lt;record&gt;</c>; any namespace prefix; records
    /// anywhere inside other elements (OAI-PMH responses, SRU, ...). A <c>record</c> element is a MARC record when it is
    /// in the MARCXML namespace (or a MarcXchange namespace), or when it has no namespace and its first child element is
    /// <c>leader</c>, <c>controlfield</c> or <c>datafield</c>; so OAI-PMH's own <c>record</c> element is looked into,
    /// not taken for a MARC record.</para>
    /// <para>DTDs are ignored and external entities never resolved. Character references to characters XML 1.0
    /// forbids (<c>&amp;#x1B;</c>) are accepted and reported as warnings (see
    /// <see cref="InvalidXmlCharacterPolicy.CharacterReference"/>).</para>
    /// <para>Damage: a leader that is not 24 characters is padded or cut (warning <c>InvalidLeader</c>); odd tags,
    /// indicators and subfield codes are kept with warnings. When the XML is not well-formed, the record concerned is
    /// re-read on its own (see <see cref="MarcXmlReaderOptions.RepairInvalidCharacters"/>) or returned as a
    /// <see cref="MarcReadError"/> holding its XML text, and reading goes on at the next record start tag. A record
    /// whose end tag is missing ends where the next record's start tag (or the enclosing element's end tag) begins,
    /// and is read with a <c>XmlNotWellFormed</c> warning; nested record start tags cost linear time.</para>
    /// <para><see cref="MarcOrigin.ByteOffset"/> is the offset of the record's start tag (<c>&lt;</c>), counted from
    /// where the reader started reading the stream, and <see cref="MarcOrigin.ByteLength"/> runs to the end of its end
    /// tag; they are -1 and 0 for encodings other than UTF-8, single-byte encodings and UTF-16. Recovery after
    /// well-formedness errors needs an ASCII-compatible encoding (UTF-8 or single-byte); in UTF-16 documents the
    /// first such error ends reading with a <see cref="MarcReadError"/>.</para>
    /// </remarks>
    public sealed class MarcXmlReader : IMarcReader
    {
        private const string DefaultLeader = "00000    a2200000   4500";
        private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";

        private readonly string? _sourcePath;
        private readonly MarcXmlReaderOptions _options;
        private readonly XmlByteWindow _window;
        private readonly NameTable _names = new NameTable();
        private readonly string _nRecord, _nLeader, _nControlField, _nDataField, _nSubfield, _nTag, _nInd1, _nInd2, _nCode;

        private XmlEncodingInfo _enc;
        private XmlPositionMapper? _mapper;
        private XmlReader? _xr;
        private bool _started;
        private bool _done;
        private bool _disposed;
        private bool _pending;
        private bool _cutByNextRecord;
        private long _ordinal;
        private long _lastRestart = -1;
        private string? _documentNote;

        // where the parser last read a start tag outside records (line/position of its name; 0 = none since the
        // parser started): a tag it has read is no hidden record start for recovery to retry
        private int _lastTagLine, _lastTagPosition;

        // xmlns declarations seen outside records: in scope (by depth) and ever seen (prefix -> uri)
        private readonly List<KeyValuePair<int, KeyValuePair<string, string>>> _scope = new List<KeyValuePair<int, KeyValuePair<string, string>>>();
        private readonly Dictionary<string, string> _seen = new Dictionary<string, string>();

        // the record being read
        private bool _inRecord;
        private long _recordStart = -1;
        private string _recordName = string.Empty;
        private List<MarcDiagnostic>? _warnings;

        private enum Parse { Record, Empty, NotARecord }

        public MarcXmlReader(Stream stream, string? sourcePath = null, MarcXmlReaderOptions? options = null)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            _options = options?.Clone() ?? new MarcXmlReaderOptions();
            _sourcePath = sourcePath;
            _window = new XmlByteWindow(stream, _options.LeaveOpen);
            _nRecord = _names.Add(MarcXmlNames.Record);
            _nLeader = _names.Add(MarcXmlNames.Leader);
            _nControlField = _names.Add(MarcXmlNames.ControlField);
            _nDataField = _names.Add(MarcXmlNames.DataField);
            _nSubfield = _names.Add(MarcXmlNames.Subfield);
            _nTag = _names.Add("tag");
            _nInd1 = _names.Add("ind1");
            _nInd2 = _names.Add("ind2");
            _nCode = _names.Add("code");
            _names.Add(MarcXmlNames.Namespace);
        }

        /// <summary>The file the records come from, as given to the constructor.</summary>
        public string? SourcePath => _sourcePath;

        /// <summary>Records and errors returned so far.</summary>
        public long Count => _ordinal;

        /// <summary>
        /// Reads the first MARC record of a MARCXML text (a <c>&lt;record&gt;</c>, a collection, or any wrapper).
        /// Throws <see cref="FormatException"/> when there is no record or it cannot be read.
        /// </summary>
        public static MarcRecord ParseRecord(string xml)
        {
            if (xml == null) throw new ArgumentNullException(nameof(xml));
            var reader = new MarcXmlReader(Stream.Null);
            var settings = reader.Settings(ConformanceLevel.Auto);
            try
            {
                using (var r = XmlReader.Create(new StringReader(xml), settings))
                {
                    bool pending = false;
                    while (pending || r.Read())
                    {
                        pending = false;
                        if (r.NodeType != XmlNodeType.Element || (object)r.LocalName != (object)reader._nRecord) continue;
                        string ns = r.NamespaceURI;
                        if (ns.Length != 0 && !MarcXmlNames.IsMarcNamespace(ns)) continue;
                        int depth = r.Depth;
                        reader._warnings = null;
                        Parse p = reader.ParseRecordElement(r, ns.Length == 0, out MarcRecord? record);
                        if (p == Parse.Record) return record!;
                        if (p == Parse.Empty) throw new FormatException("The MARCXML record element has no leader and no fields.");
                        pending = r.NodeType == XmlNodeType.Element && r.Depth > depth;
                    }
                }
            }
            catch (XmlException ex)
            {
                throw new FormatException("The MARCXML is not well-formed: " + ex.Message, ex);
            }
            throw new FormatException("The text holds no MARCXML record.");
        }

        public MarcReadResult? ReadNext()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(MarcXmlReader));
            while (!_done)
            {
                if (!_started) Start();
                if (_xr == null)
                {
                    _done = true;
                    break;
                }
                MarcReadResult? result;
                try
                {
                    if (!MoveToCandidate())
                    {
                        Finish();
                        return null;
                    }
                    result = ReadCandidate();
                }
                catch (XmlException ex)
                {
                    result = OnXmlError(ex);
                }
                if (result != null) return result;
            }
            return null;
        }

        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _xr?.Dispose();
            _xr = null;
            _window.Dispose();
        }

        // ------------------------------------------------------------------ document

        private XmlReaderSettings Settings(ConformanceLevel level)
        {
            return new XmlReaderSettings
            {
                ConformanceLevel = level,
                DtdProcessing = DtdProcessing.Ignore,
                XmlResolver = null,
                CheckCharacters = false,
                CloseInput = false,
                IgnoreComments = true,
                IgnoreProcessingInstructions = true,
                IgnoreWhitespace = false,
                NameTable = _names,
            };
        }

        private void Start()
        {
            _started = true;
            _window.Ensure(1023);
            int n = (int)Math.Min(_window.BufferEnd - _window.BufferStart, 1024);
            _enc = XmlEncodingInfo.Sniff(_window.Buffer, n);
            _mapper = new XmlPositionMapper(_window, _enc.Layout, _enc.BomLength);
            // Auto: a document with a DTD is read as a document; otherwise several top-level records are fine.
            _xr = XmlReader.Create(_window, Settings(ConformanceLevel.Auto));
        }

        private void Finish()
        {
            _xr?.Dispose();
            _xr = null;
            _done = true;
        }

        /// <summary>Moves to the next <c>record</c> element that may be a MARC record, noting namespace declarations.</summary>
        private bool MoveToCandidate()
        {
            XmlReader r = _xr!;
            while (true)
            {
                if (_pending) _pending = false;
                else if (!r.Read()) return false;

                XmlNodeType t = r.NodeType;
                if (t == XmlNodeType.Element)
                {
                    var li = (IXmlLineInfo)r;
                    _lastTagLine = li.LineNumber;
                    _lastTagPosition = li.LinePosition;
                    int depth = r.Depth;
                    PopScope(depth);
                    if (r.HasAttributes) NoteNamespaces(r, depth);
                    if ((object)r.LocalName == (object)_nRecord)
                    {
                        string ns = r.NamespaceURI;
                        if (ns.Length == 0 || MarcXmlNames.IsMarcNamespace(ns)) return true;
                    }
                }
                else if (t == XmlNodeType.EndElement)
                {
                    PopScope(r.Depth);
                }
            }
        }

        private void PopScope(int depth)
        {
            int i = _scope.Count;
            while (i > 0 && _scope[i - 1].Key >= depth) i--;
            if (i < _scope.Count) _scope.RemoveRange(i, _scope.Count - i);
        }

        private void NoteNamespaces(XmlReader r, int depth)
        {
            for (bool ok = r.MoveToFirstAttribute(); ok; ok = r.MoveToNextAttribute())
            {
                if (r.NamespaceURI != XmlnsNamespace) continue;
                string prefix = r.Prefix.Length == 0 ? string.Empty : r.LocalName;
                string uri = r.Value;
                _scope.Add(new KeyValuePair<int, KeyValuePair<string, string>>(depth, new KeyValuePair<string, string>(prefix, uri)));
                _seen[prefix] = uri;
            }
            r.MoveToElement();
        }

        private XmlParserContext BuildContext()
        {
            var map = new Dictionary<string, string>(_seen);
            foreach (var d in _scope) map[d.Value.Key] = d.Value.Value;
            var nsm = new XmlNamespaceManager(_names);
            foreach (var kv in map)
            {
                if (kv.Key == "xml" || kv.Key == "xmlns") continue;
                if (kv.Key.Length > 0 && kv.Value.Length == 0) continue; // undeclaring a prefix is not XML 1.0
                nsm.AddNamespace(kv.Key, kv.Value);
            }
            return new XmlParserContext(_names, nsm, null, XmlSpace.None, _enc.Encoding);
        }

        // ------------------------------------------------------------------ one record

        private MarcReadResult? ReadCandidate()
        {
            XmlReader r = _xr!;
            var li = (IXmlLineInfo)r;
            int depth = r.Depth;
            _inRecord = true;
            _recordName = r.Name;
            _recordStart = -1;
            long nameAt = _mapper!.Map(li.LineNumber, li.LinePosition);
            if (nameAt >= 0) _recordStart = nameAt - _enc.UnitSize;
            _window.Retain(_recordStart >= 0 ? _recordStart : _mapper.Cursor);

            _warnings = null;
            _cutByNextRecord = false;
            Parse p = ParseRecordElement(r, r.NamespaceURI.Length == 0, out MarcRecord? record);
            if (p == Parse.NotARecord)
            {
                _inRecord = false;
                _pending = r.NodeType == XmlNodeType.Element && r.Depth > depth;
                return null;
            }

            long end;
            if (_cutByNextRecord)
            {
                _cutByNextRecord = false;
                _pending = true;
                long nextName = _mapper.Map(li.LineNumber, li.LinePosition);
                end = nextName >= 0 ? nextName - _enc.UnitSize : -1;
                if (end >= 0) _window.Retain(end);
            }
            else
            {
                end = RecordEnd(r, li);
            }
            _inRecord = false;
            _ordinal++;
            var origin = Origin(_recordStart, end);
            if (p == Parse.Empty)
            {
                byte[] raw = _recordStart >= 0 && end > _recordStart ? _window.Copy(_recordStart, end) : Array.Empty<byte>();
                return new MarcReadResult(new MarcReadError(MarcDiagnosticCodes.XmlInvalidRecord,
                    "The MARCXML record element has no leader and no fields.", origin, raw));
            }

            record!.Origin = origin;
            if (_documentNote != null)
            {
                record.AddWarning(new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.XmlNotWellFormed, _documentNote, _recordStart));
                _documentNote = null;
            }
            return new MarcReadResult(record);
        }

        private MarcOrigin Origin(long start, long end)
        {
            return new MarcOrigin(_sourcePath, _ordinal, start, start >= 0 && end > start ? end - start : 0, MarcFormat.MarcXml);
        }

        /// <summary>Byte offset just past the record's end tag (or its empty-element tag), or -1.</summary>
        private long RecordEnd(XmlReader r, IXmlLineInfo li)
        {
            if (_recordStart < 0) return -1;
            long from;
            if (r.NodeType == XmlNodeType.EndElement)
            {
                from = _mapper!.Map(li.LineNumber, li.LinePosition);
                if (from < 0) return -1;
            }
            else
            {
                from = _recordStart + _enc.UnitSize;
            }
            _window.Retain(_mapper!.Cursor);
            long gt = FindTagEnd(from);
            return gt < 0 ? -1 : gt + _enc.UnitSize;
        }

        /// <summary>
        /// Reads a record element's content (the reader is on its start tag) and leaves the reader on its end tag.
        /// With <paramref name="requireMarcChild"/> (no namespace) the first child element decides: anything but
        /// leader/controlfield/datafield means "not a MARC record" and the reader is left on that child.
        /// </summary>
        private Parse ParseRecordElement(XmlReader r, bool requireMarcChild, out MarcRecord? record)
        {
            record = null;
            if (r.IsEmptyElement) return requireMarcChild ? Parse.NotARecord : Parse.Empty;
            string recordNs = r.NamespaceURI;
            int depth = r.Depth;
            bool decided = !requireMarcChild;
            string? leaderText = null;
            var fields = new List<MarcField>(24);

            while (r.Read())
            {
                XmlNodeType t = r.NodeType;
                if (t == XmlNodeType.Element)
                {
                    string ln = r.LocalName;
                    bool ours = IsOurNamespace(r.NamespaceURI, recordNs);
                    bool known = ours && ((object)ln == (object)_nLeader || (object)ln == (object)_nControlField || (object)ln == (object)_nDataField);
                    if (!decided)
                    {
                        if (!known) return Parse.NotARecord;
                        decided = true;
                    }
                    if (!known && IsRecordStart(r))
                    {
                        // MARCXML never nests records: this record has no end tag and ends here; the reader is left
                        // on the next record's start tag, which is read next without restarting the parser
                        _cutByNextRecord = true;
                        Warn(MarcDiagnosticCodes.XmlNotWellFormed, "The record has no end tag; it ends where the next <" + r.Name + "> begins.", null);
                        break;
                    }
                    if (!known)
                    {
                        Warn(MarcDiagnosticCodes.XmlInvalidRecord, "Element <" + r.Name + "> inside a record was ignored.", null);
                        SkipElement(r);
                    }
                    else if ((object)ln == (object)_nDataField)
                    {
                        fields.Add(ReadDataField(r, recordNs));
                    }
                    else if ((object)ln == (object)_nControlField)
                    {
                        fields.Add(ReadControlField(r));
                    }
                    else
                    {
                        string text = ReadText(r, "leader");
                        if (leaderText == null) leaderText = text;
                        else Warn(MarcDiagnosticCodes.InvalidLeader, "A second leader element was ignored: '" + Shorten(text) + "'.", null);
                    }
                }
                else if (t == XmlNodeType.EndElement)
                {
                    if (r.Depth == depth) break;
                }
                else if ((t == XmlNodeType.Text || t == XmlNodeType.CDATA) && decided)
                {
                    Warn(MarcDiagnosticCodes.XmlInvalidRecord, "Text outside the fields of the record was ignored: '" + Shorten(r.Value) + "'.", null);
                }
            }

            if (!decided) return requireMarcChild ? Parse.NotARecord : Parse.Empty;
            if (leaderText == null && fields.Count == 0) return Parse.Empty;

            record = new MarcRecord(MakeLeader(leaderText));
            foreach (MarcField f in fields) record.Fields.Add(f);
            record.AddWarnings(_warnings);
            _warnings = null;
            return Parse.Record;
        }

        private static bool IsOurNamespace(string ns, string recordNs)
        {
            return ns.Length == 0 || (object)ns == (object)recordNs || ns == recordNs || MarcXmlNames.IsMarcNamespace(ns);
        }

        private Leader MakeLeader(string? text)
        {
            if (text == null)
            {
                Warn(MarcDiagnosticCodes.InvalidLeader, "The record has no leader; '" + DefaultLeader + "' was supplied.", null);
                return new Leader(DefaultLeader);
            }
            if (text.Length != Leader.Length)
            {
                Warn(MarcDiagnosticCodes.InvalidLeader,
                    "The leader has " + text.Length + " characters instead of 24 ('" + Shorten(text) + "'); it was " +
                    (text.Length < Leader.Length ? "padded with blanks." : "cut to 24 characters."), null);
                if (text.Length > Leader.Length) text = text.Substring(0, Leader.Length);
            }
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c < 0x20 || c > 0x7E)
                {
                    Warn(MarcDiagnosticCodes.InvalidLeader,
                        "Leader position " + i + " holds U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ", which is not printable ASCII; kept as it is.", null);
                    break;
                }
            }
            return new Leader(text);
        }

        private ControlField ReadControlField(XmlReader r)
        {
            string? tag = r.GetAttribute(_nTag);
            string value = ReadText(r, "controlfield");
            tag = CheckTag(tag, control: true);
            CheckValue(value, tag, null);
            return new ControlField(tag, value, validate: false);
        }

        private DataField ReadDataField(XmlReader r, string recordNs)
        {
            string? tagAttr = r.GetAttribute(_nTag);
            string? ind1 = r.GetAttribute(_nInd1);
            string? ind2 = r.GetAttribute(_nInd2);
            string tag = CheckTag(tagAttr, control: false);
            var field = new DataField(tag, Indicator(ind1, 1, tag), Indicator(ind2, 2, tag), validate: false);
            if (r.IsEmptyElement) return field;

            SubfieldCollection subfields = field.Subfields;
            int depth = r.Depth;
            while (r.Read())
            {
                XmlNodeType t = r.NodeType;
                if (t == XmlNodeType.Element)
                {
                    if ((object)r.LocalName == (object)_nSubfield && IsOurNamespace(r.NamespaceURI, recordNs))
                    {
                        string? codeAttr = r.GetAttribute(_nCode);
                        string value = ReadText(r, "subfield");
                        char code = SubfieldCode(codeAttr, tag, subfields.Count == 0);
                        CheckValue(value, tag, code);
                        subfields.Add(new Subfield(code, value));
                    }
                    else
                    {
                        Warn(MarcDiagnosticCodes.XmlInvalidRecord, "Element <" + r.Name + "> inside field " + tag + " was ignored.", tag);
                        SkipElement(r);
                    }
                }
                else if (t == XmlNodeType.EndElement)
                {
                    if (r.Depth == depth) break;
                }
                else if (t == XmlNodeType.Text || t == XmlNodeType.CDATA)
                {
                    Warn(MarcDiagnosticCodes.XmlInvalidRecord, "Text outside the subfields of field " + tag + " was ignored: '" + Shorten(r.Value) + "'.", tag);
                }
            }
            return field;
        }

        /// <summary>The text content of the current element; child elements are reported and skipped.</summary>
        private string ReadText(XmlReader r, string element)
        {
            if (r.IsEmptyElement) return string.Empty;
            int depth = r.Depth;
            string? first = null;
            StringBuilder? sb = null;
            while (r.Read())
            {
                switch (r.NodeType)
                {
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        string v = r.Value;
                        if (first == null) first = v;
                        else (sb ??= new StringBuilder(first)).Append(v);
                        break;
                    case XmlNodeType.Element:
                        Warn(MarcDiagnosticCodes.XmlInvalidRecord, "Element <" + r.Name + "> inside <" + element + "> was ignored.", null);
                        SkipElement(r);
                        break;
                    case XmlNodeType.EndElement:
                        if (r.Depth == depth) return sb != null ? sb.ToString() : first ?? string.Empty;
                        break;
                }
            }
            return sb != null ? sb.ToString() : first ?? string.Empty;
        }

        /// <summary>
        /// Skips an unknown element inside a record. A record start tag there means the record has no end tag
        /// (MARCXML never nests records): that is reported as a well-formedness error at once, so recovery cuts the
        /// record at that tag instead of the parser reading the rest of the document as this record's content
        /// (which made reading nested or unterminated records quadratic).
        /// </summary>
        private void SkipElement(XmlReader r)
        {
            ThrowIfRecordStart(r);
            if (r.IsEmptyElement) return;
            int depth = r.Depth;
            while (r.Read())
            {
                if (r.NodeType == XmlNodeType.Element) ThrowIfRecordStart(r);
                else if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth) return;
            }
        }

        private bool IsRecordStart(XmlReader r)
        {
            if ((object)r.LocalName != (object)_nRecord) return false;
            string ns = r.NamespaceURI;
            return ns.Length == 0 || MarcXmlNames.IsMarcNamespace(ns);
        }

        private void ThrowIfRecordStart(XmlReader r)
        {
            if (!IsRecordStart(r)) return;
            var li = (IXmlLineInfo)r;
            throw new XmlException("A <" + r.Name + "> start tag inside a record: the record before it has no end tag.", null, li.LineNumber, li.LinePosition);
        }

        private string CheckTag(string? tag, bool control)
        {
            string element = control ? "controlfield" : "datafield";
            if (tag == null)
            {
                Warn(MarcDiagnosticCodes.InvalidTag, "A " + element + " has no tag attribute; it was kept with an empty tag.", null);
                return string.Empty;
            }
            bool printable = tag.Length == 3;
            foreach (char c in tag)
            {
                if (c <= ' ' || c > '~') printable = false;
            }
            if (!printable)
            {
                Warn(MarcDiagnosticCodes.InvalidTag, "Tag '" + Shorten(tag) + "' is not three printable ASCII characters; the " + element + " was kept with it.", tag);
            }
            else if (MarcField.IsControlTag(tag) != control)
            {
                Warn(MarcDiagnosticCodes.InvalidTag, control
                    ? "A controlfield has the data field tag '" + tag + "'; it was kept as a control field."
                    : "A datafield has the control field tag '" + tag + "'; it was kept as a data field.", tag);
            }
            return tag;
        }

        private char Indicator(string? value, int which, string tag)
        {
            if (value != null && value.Length == 1)
            {
                char c = value[0];
                if (c < 0x20 || c > 0x7E)
                {
                    Warn(MarcDiagnosticCodes.InvalidIndicator, "Field " + tag + ": indicator " + which + " is U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + ", which is not printable ASCII; kept as it is.", tag);
                }
                return c;
            }
            if (string.IsNullOrEmpty(value))
            {
                Warn(MarcDiagnosticCodes.MissingIndicators, "Field " + tag + ": ind" + which + " is " + (value == null ? "missing" : "empty") + "; a blank was used.", tag);
                return ' ';
            }
            Warn(MarcDiagnosticCodes.InvalidIndicator, "Field " + tag + ": ind" + which + " '" + Shorten(value!) + "' is more than one character; '" + value![0] + "' was kept.", tag);
            return value[0];
        }

        private char SubfieldCode(string? value, string tag, bool first)
        {
            if (string.IsNullOrEmpty(value))
            {
                // code="" is how MarcXmlWriter writes data that stood before the first subfield delimiter
                Warn(first ? MarcDiagnosticCodes.DataBeforeFirstSubfield : MarcDiagnosticCodes.EmptySubfieldCode,
                    "Field " + tag + ": a subfield has " + (value == null ? "no code attribute" : "an empty code") + "; it was kept as data without a subfield code.", tag);
                return Subfield.NoCode;
            }
            char c = value![0];
            if (value.Length > 1)
            {
                Warn(MarcDiagnosticCodes.InvalidSubfieldCode, "Field " + tag + ": subfield code '" + Shorten(value) + "' is more than one character; '" + c + "' was kept.", tag);
            }
            else if (c <= 0x20 || c > 0x7E)
            {
                Warn(MarcDiagnosticCodes.InvalidSubfieldCode, "Field " + tag + ": subfield code U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture) + " is not printable ASCII; kept as it is.", tag);
            }
            return c;
        }

        /// <summary>Reports characters XML 1.0 forbids (they can only arrive as character references or by repair).</summary>
        private void CheckValue(string s, string tag, char? code)
        {
            int bad = 0;
            int firstBad = 0;
            for (int i = 0; i < s.Length; i++)
            {
                char c = s[i];
                if (c >= 0x20 && c < 0xD800) continue;
                bool ok;
                if (c < 0x20) ok = c == '\t' || c == '\n' || c == '\r';
                else if (char.IsHighSurrogate(c)) { ok = i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]); if (ok) i++; }
                else if (char.IsLowSurrogate(c)) ok = false;
                else ok = c < 0xFFFE;
                if (!ok)
                {
                    if (bad == 0) firstBad = c;
                    bad++;
                }
            }
            if (bad == 0) return;
            string where = code == null ? "Field " + tag : "Field " + tag + (code == Subfield.NoCode ? " (data without subfield code)" : " $" + code);
            Warn(MarcDiagnosticCodes.XmlInvalidCharacter,
                where + " contains " + bad + " character(s) XML 1.0 does not allow (first U+" + firstBad.ToString("X4", CultureInfo.InvariantCulture) + "); kept as they are.", tag);
        }

        private void Warn(string code, string message, string? tag)
        {
            (_warnings ??= new List<MarcDiagnostic>()).Add(new MarcDiagnostic(MarcSeverity.Warning, code, message, -1, tag));
        }

        /// <summary>Shows control characters as \uXXXX so messages can be printed.</summary>
        private static string Printable(string s)
        {
            bool clean = true;
            foreach (char c in s)
            {
                if (c < 0x20 || c == 0x7F) clean = false;
            }
            if (clean) return s;
            var sb = new StringBuilder(s.Length + 8);
            foreach (char c in s)
            {
                if (c >= 0x20 && c != 0x7F) sb.Append(c);
                else sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            return sb.ToString();
        }

        private static string Shorten(string s)
        {
            s = Printable(s.Trim());
            return s.Length <= 60 ? s : s.Substring(0, 57) + "...";
        }

        // ------------------------------------------------------------------ errors and recovery

        private MarcReadResult? OnXmlError(XmlException ex)
        {
            _xr?.Dispose();
            _xr = null;
            _warnings = null;
            // mapped before the error: the mapper only moves forward
            long lastTagAt = _inRecord ? -1 : _mapper!.Map(_lastTagLine, _lastTagPosition);
            long errAt = _mapper!.Map(ex.LineNumber, ex.LinePosition);
            string detail = Printable(ex.Message);
            if (detail.Length > 400) detail = detail.Substring(0, 397) + "...";
            if (_lastRestart >= 0) detail += " (lines counted from byte " + _lastRestart.ToString(CultureInfo.InvariantCulture) + ")";
            if (errAt >= 0) detail += " [byte " + errAt.ToString(CultureInfo.InvariantCulture) + "]";

            if (!_inRecord && _enc.IsAsciiCompatible)
            {
                // The error may be in the start tag of a record not entered yet, or in a comment, CDATA section or
                // processing instruction left open between records, which hides the records after it: search from
                // the end of the last record read (the bytes since then are retained), but after the last start tag the
                // parser did read: a record start tag before it was seen and set aside (another namespace), and
                // taking it up again would re-read the rest of the document once per such tag.
                long from = Math.Max(Math.Max(_window.RetainedFrom, _window.BufferStart), lastTagAt);
                long candidate = FindRecordStart(from, errAt >= 0 ? errAt : from);
                if (candidate >= 0)
                {
                    _inRecord = true;
                    _recordStart = candidate;
                    _recordName = NameAt(candidate);
                }
            }

            if (_inRecord)
            {
                _inRecord = false;
                _ordinal++;
                return RecoverRecord(ex, detail, errAt);
            }

            if (!_enc.IsAsciiCompatible)
            {
                _done = true;
                _ordinal++;
                return new MarcReadResult(new MarcReadError(MarcDiagnosticCodes.XmlNotWellFormed,
                    "The XML is not well-formed: " + detail + ". The rest of the document cannot be read (recovery needs UTF-8 or a single-byte encoding).",
                    Origin(errAt, -1), Array.Empty<byte>()));
            }

            long resumeFrom = Math.Max(errAt >= 0 ? errAt : _mapper.Cursor, _lastRestart + 1);
            long resume = FindRecordStart(Math.Max(resumeFrom, _window.BufferStart), long.MaxValue);
            if (resume < 0)
            {
                _done = true;
                return null;
            }
            // after a restart, unmatched end tags of the outer elements are expected: say nothing about them
            if (_lastRestart < 0)
            {
                _documentNote = "The XML is not well-formed before this record: " + detail + "; reading resumed at byte " + resume.ToString(CultureInfo.InvariantCulture) + ".";
            }
            Restart(resume);
            return null;
        }

        private MarcReadResult RecoverRecord(XmlException ex, string detail, long errAt)
        {
            long start = _recordStart;
            if (start < 0 || !_enc.IsAsciiCompatible)
            {
                _done = true;
                return new MarcReadResult(new MarcReadError(MarcDiagnosticCodes.XmlNotWellFormed,
                    "The record is not well-formed XML: " + detail + ". The rest of the document cannot be read.",
                    Origin(start, -1), Array.Empty<byte>()));
            }

            long next = FindRecordStart(start + 1, long.MaxValue);
            long endTag = FindEndTag(_recordName, start + 1, next >= 0 ? next : long.MaxValue);
            long chunkEnd = endTag >= 0 ? endTag : next >= 0 ? next : EndTagStartAt(errAt, start);
            if (chunkEnd < 0) chunkEnd = InputEnd();
            if (endTag < 0)
            {
                while (chunkEnd > start && _window.Ensure(chunkEnd - 1) && IsXmlSpace(_window[chunkEnd - 1])) chunkEnd--;
            }
            byte[] raw = _window.Copy(start, chunkEnd);
            long resume = endTag >= 0 ? endTag : next;
            var origin = new MarcOrigin(_sourcePath, _ordinal, start, raw.Length, MarcFormat.MarcXml);

            MarcRecord? record = Reparse(raw, detail, endTag >= 0 ? null : "</" + _recordName + ">");
            MarcReadResult result;
            if (record != null)
            {
                record.Origin = origin;
                result = new MarcReadResult(record);
            }
            else
            {
                result = new MarcReadResult(new MarcReadError(MarcDiagnosticCodes.XmlNotWellFormed,
                    "The record is not well-formed XML: " + detail + ".", origin, raw));
            }

            if (resume >= 0) Restart(resume);
            else _done = true;
            return result;
        }

        /// <summary>
        /// Reads a broken record's XML on its own: unchanged when it is well-formed by itself (the error was in the
        /// surrounding document), otherwise, if allowed, with forbidden characters turned into character references
        /// and invalid bytes into U+FFFD. Null when that does not give a record.
        /// </summary>
        private MarcRecord? Reparse(byte[] raw, string detail, string? missingEndTag)
        {
            string text;
            int badSequences = 0;
            if (_enc.Layout == XmlByteLayout.Utf8)
            {
                badSequences = Utf8Validator.CountInvalidSequences(raw, 0, raw.Length);
                text = Encoding.UTF8.GetString(raw); // invalid sequences -> U+FFFD
            }
            else
            {
                text = _enc.Encoding!.GetString(raw);
            }
            int forbidden = 0;
            string sanitized = EscapeForbidden(text, ref forbidden);
            bool changed = forbidden > 0 || badSequences > 0;
            if (changed && !_options.RepairInvalidCharacters) return null;

            string message;
            if (missingEndTag != null)
            {
                sanitized += missingEndTag;
                message = "The record has no end tag (" + detail + "); it was read up to where the next record or the enclosing element begins" +
                          (changed ? ", taking " + forbidden + " character(s) XML 1.0 forbids as they are" +
                                     (badSequences > 0 ? " and replacing " + badSequences + " invalid byte sequence(s) with U+FFFD" : string.Empty) : string.Empty) + ".";
            }
            else if (!changed)
            {
                message = "The XML document is not well-formed near this record (" + detail + "); the record itself is well-formed and was read on its own.";
            }
            else
            {
                message = "The record is not well-formed XML (" + detail + "). It was read after taking " + forbidden +
                          " character(s) XML 1.0 forbids as they are" +
                          (badSequences > 0 ? " and replacing " + badSequences + " invalid byte sequence(s) with U+FFFD" : string.Empty) + ".";
            }
            var notes = new List<MarcDiagnostic> { new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.XmlNotWellFormed, message, _recordStart) };
            if (badSequences > 0)
            {
                notes.Add(new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.InvalidUtf8,
                    badSequences + " byte sequence(s) that are not valid UTF-8 were read as U+FFFD.", _recordStart));
            }

            MarcRecord? record = null;
            try
            {
                var settings = Settings(ConformanceLevel.Fragment);
                using (var r = XmlReader.Create(new StringReader(sanitized), settings, BuildContext()))
                {
                    bool pending = false;
                    while (record == null && (pending || r.Read()))
                    {
                        pending = false;
                        if (r.NodeType != XmlNodeType.Element || (object)r.LocalName != (object)_nRecord) continue;
                        string ns = r.NamespaceURI;
                        if (ns.Length != 0 && !MarcXmlNames.IsMarcNamespace(ns)) continue;
                        int depth = r.Depth;
                        _warnings = new List<MarcDiagnostic>(notes);
                        Parse p = ParseRecordElement(r, ns.Length == 0, out record);
                        if (p == Parse.Empty) return null;
                        pending = p == Parse.NotARecord && r.NodeType == XmlNodeType.Element && r.Depth > depth;
                    }
                    if (record == null) return null;
                }
            }
            catch (XmlException)
            {
                return null;
            }
            finally
            {
                _warnings = null;
            }
            return record;
        }

        private static string EscapeForbidden(string text, ref int count)
        {
            StringBuilder? sb = null;
            int run = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool forbidden = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF';
                if (!forbidden) continue;
                sb ??= new StringBuilder(text.Length + 16);
                sb.Append(text, run, i - run);
                sb.Append("&#x").Append(((int)c).ToString("X", CultureInfo.InvariantCulture)).Append(';');
                run = i + 1;
                count++;
            }
            if (sb == null) return text;
            sb.Append(text, run, text.Length - run);
            return sb.ToString();
        }

        private void Restart(long offset)
        {
            if (offset <= _lastRestart)
            {
                offset = FindRecordStart(_lastRestart + 1, long.MaxValue);
                if (offset < 0)
                {
                    _done = true;
                    return;
                }
            }
            XmlParserContext context = BuildContext();
            _window.Restart(offset);
            _mapper!.Reset(offset);
            _lastRestart = offset;
            _lastTagLine = _lastTagPosition = 0;
            _scope.Clear();
            _pending = false;
            _xr = XmlReader.Create(_window, Settings(ConformanceLevel.Fragment), context);
        }

        // ------------------------------------------------------------------ byte scanning (ASCII-compatible encodings)

        private static bool IsXmlSpace(byte b) => b == (byte)' ' || b == (byte)'\t' || b == (byte)'\r' || b == (byte)'\n';

        private static bool IsNameByte(byte b)
        {
            return (b >= (byte)'a' && b <= (byte)'z') || (b >= (byte)'A' && b <= (byte)'Z') || (b >= (byte)'0' && b <= (byte)'9')
                   || b == (byte)'-' || b == (byte)'_' || b == (byte)'.' || b == (byte)':' || b >= 0x80;
        }

        /// <summary>Offset of the next <c>&lt;record</c> or <c>&lt;prefix:record</c> start tag in [from, limit), or -1.</summary>
        private long FindRecordStart(long from, long limit)
        {
            for (long at = FindLessThan(from, limit); at >= 0; at = FindLessThan(at + 1, limit))
            {
                if (IsRecordStartTag(at)) return at;
            }
            return -1;
        }

        /// <summary>Offset of the next <c>&lt;</c> byte in [from, limit), or -1.</summary>
        private long FindLessThan(long from, long limit)
        {
            long p = from;
            while (p < limit)
            {
                if (!_window.Ensure(p)) return -1;
                byte[] buf = _window.Buffer;
                long bs = _window.BufferStart;
                int i = (int)(p - bs);
                int n = (int)Math.Min(_window.BufferEnd - bs, limit - bs);
                int k = Array.IndexOf(buf, (byte)'<', i, n - i);
                if (k >= 0) return bs + k;
                p = bs + n;
            }
            return -1;
        }

        private bool IsRecordStartTag(long at)
        {
            long p = at + 1;
            long colon = -1;
            int len = 0;
            while (_window.Ensure(p) && IsNameByte(_window[p]) && len < 256)
            {
                if (_window[p] == (byte)':') colon = p;
                p++;
                len++;
            }
            if (len == 0 || !_window.Ensure(p)) return false;
            byte after = _window[p];
            if (!(IsXmlSpace(after) || after == (byte)'>' || after == (byte)'/')) return false;
            long localStart = colon >= 0 ? colon + 1 : at + 1;
            if (p - localStart != 6) return false;
            for (int i = 0; i < 6; i++)
            {
                if (_window[localStart + i] != (byte)"record"[i]) return false;
            }
            return true;
        }

        private string NameAt(long at)
        {
            long p = at + 1;
            var bytes = new List<byte>();
            while (_window.Ensure(p) && IsNameByte(_window[p]) && bytes.Count < 256) bytes.Add(_window[p++]);
            return _enc.Layout == XmlByteLayout.Utf8 ? Encoding.UTF8.GetString(bytes.ToArray()) : _enc.Encoding!.GetString(bytes.ToArray());
        }

        /// <summary>Offset just past <c>&lt;/name&gt;</c> (blanks allowed before the <c>&gt;</c>) in [from, limit), or -1.</summary>
        private long FindEndTag(string name, long from, long limit)
        {
            byte[] pattern = (_enc.Layout == XmlByteLayout.Utf8 ? Encoding.UTF8 : _enc.Encoding!).GetBytes("</" + name);
            for (long at = FindLessThan(from, limit); at >= 0; at = FindLessThan(at + 1, limit))
            {
                int j = 0;
                while (j < pattern.Length && _window.Ensure(at + j) && _window[at + j] == pattern[j]) j++;
                if (j == pattern.Length)
                {
                    long q = at + j;
                    while (_window.Ensure(q) && IsXmlSpace(_window[q])) q++;
                    if (_window.Ensure(q) && _window[q] == (byte)'>') return q + 1;
                }
            }
            return -1;
        }

        /// <summary>Offset of the <c>&gt;</c> that ends the tag containing <paramref name="from"/> (quotes respected), or -1.</summary>
        private long FindTagEnd(long from)
        {
            int unit = _enc.UnitSize;
            bool le = _enc.Layout != XmlByteLayout.Utf16BE;
            int quote = 0;
            for (long p = from; ; p += unit)
            {
                if (!_window.Ensure(p + unit - 1)) return -1;
                int c = unit == 1 ? _window[p] : le ? _window[p] | (_window[p + 1] << 8) : (_window[p] << 8) | _window[p + 1];
                if (quote != 0)
                {
                    if (c == quote) quote = 0;
                }
                else if (c == '"' || c == '\'') quote = c;
                else if (c == '>') return p;
            }
        }

        /// <summary>
        /// When the parser stopped at an end tag (an enclosing element closed while the record was open), the offset
        /// of that tag's <c>&lt;/</c> after <paramref name="recordStart"/>; otherwise -1.
        /// </summary>
        private long EndTagStartAt(long errAt, long recordStart)
        {
            if (errAt < 0 || _enc.UnitSize != 1) return -1;
            for (long p = errAt; p > recordStart + 1 && p >= errAt - 2 && p >= _window.BufferStart; p--)
            {
                if (_window.Ensure(p) && _window[p - 1] == (byte)'<' && _window[p] == (byte)'/') return p - 1;
            }
            return -1;
        }

        private long InputEnd()
        {
            while (_window.Ensure(_window.BufferEnd)) { }
            return _window.BufferEnd;
        }
    }
}
