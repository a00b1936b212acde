using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace OclcCataloging.Core.Tests.Conformance;

/// <summary>One record in canonical text form (see <see cref="MarcXmlCanonicalizer"/>).</summary>
public sealed class CanonicalRecord
{
    public CanonicalRecord(int index, long? sourceOffset, List<string> lines)
    {
        Index = index;
        SourceOffset = sourceOffset;
        Lines = lines;
    }

    /// <summary>0-based position of the record in the document.</summary>
    public int Index { get; }

    /// <summary>Byte offset of the record in the ISO 2709 file it came from, when the producer said so
    /// (<c>yaz-marcdump -p</c> writes a comment "Record N offset X" before each record).</summary>
    public long? SourceOffset { get; }

    /// <summary><c>=LDR  ...</c> first, then one line per field.</summary>
    public List<string> Lines { get; }

    public string Text => string.Join("\n", Lines);

    public override string ToString() => Text;
}

/// <summary>
/// Turns any MARCXML document (ours, yaz-marcdump's, Perl's ...) into MARCBreaker-like lines so outputs of
/// different tools can be compared without caring about namespaces, prefixes, indentation or escaping
/// (docs/marc.md section 4.1): <c>=LDR  #####cam\a22#####\a\4500</c>, <c>=001  ocm123</c>,
/// <c>=245  10$aTitle :$bsub</c>. Blanks in the leader, control fields and indicators are shown as <c>\</c>;
/// leader 00-04 and 12-16 (lengths) are masked as <c>#####</c>; control characters (C0, DEL, C1) are shown as
/// <c>&lt;U+XXXX&gt;</c>; <c>$</c> in data as <c>{dollar}</c>; a subfield with an empty code as <c>${}</c>;
/// text is NFC-normalised.
/// </summary>
/// <remarks>
/// The document is decoded as UTF-8 with invalid bytes replaced by U+FFFD before parsing (yaz copies invalid
/// UTF-8 into its output), and parsed with character checking off (so character references to control
/// characters are accepted).
/// </remarks>
public static class MarcXmlCanonicalizer
{
    public sealed class Settings
    {
        public bool MaskLengths { get; init; } = true;

        /// <summary>Mask leader/09 (pymarc leaves it; yaz/Perl/marc4j set 'a').</summary>
        public bool MaskLeader09 { get; init; }

        /// <summary>Mask leader 10-11 and 20-23.</summary>
        public bool MaskLeaderStructure { get; init; }

        public bool Nfc { get; init; } = true;
    }

    private static readonly Regex YazOffset = new(@"Record\s+\d+\s+offset\s+(\d+)", RegexOptions.CultureInvariant);

    public static List<CanonicalRecord> Canonicalize(byte[] xml, Settings? settings = null)
    {
        string text = new UTF8Encoding(false, false).GetString(xml);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text.Substring(1);
        return Canonicalize(text, settings);
    }

    public static List<CanonicalRecord> Canonicalize(string xml, Settings? settings = null)
    {
        settings ??= new Settings();
        var result = new List<CanonicalRecord>();
        var xs = new XmlReaderSettings
        {
            CheckCharacters = false,
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            ConformanceLevel = ConformanceLevel.Auto,
            IgnoreComments = false,
            IgnoreWhitespace = false,
        };
        long? offset = null;
        using var r = XmlReader.Create(new StringReader(xml), xs);
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.Comment)
            {
                Match m = YazOffset.Match(r.Value);
                if (m.Success) offset = long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                continue;
            }
            if (r.NodeType != XmlNodeType.Element || r.LocalName != "record") continue;
            if (r.NamespaceURI.Length != 0 && r.NamespaceURI != "http://www.loc.gov/MARC21/slim") continue;
            result.Add(new CanonicalRecord(result.Count, offset, ReadRecord(r, settings)));
            offset = null;
        }
        return result;
    }

    private static List<string> ReadRecord(XmlReader r, Settings s)
    {
        var lines = new List<string>();
        string? leader = null;
        if (r.IsEmptyElement) return lines;
        int depth = r.Depth;
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth) break;
            if (r.NodeType != XmlNodeType.Element) continue;
            switch (r.LocalName)
            {
                case "leader":
                    leader = Leader(ReadText(r), s);
                    break;
                case "controlfield":
                {
                    string tag = r.GetAttribute("tag") ?? "";
                    lines.Add("=" + tag + "  " + Value(ReadText(r), s, blanks: true));
                    break;
                }
                case "datafield":
                {
                    string tag = r.GetAttribute("tag") ?? "";
                    var sb = new StringBuilder();
                    sb.Append('=').Append(tag).Append("  ")
                      .Append(Value(r.GetAttribute("ind1") ?? "", s, blanks: true))
                      .Append(Value(r.GetAttribute("ind2") ?? "", s, blanks: true));
                    if (!r.IsEmptyElement)
                    {
                        int d = r.Depth;
                        while (r.Read())
                        {
                            if (r.NodeType == XmlNodeType.EndElement && r.Depth == d) break;
                            if (r.NodeType == XmlNodeType.Element && r.LocalName == "subfield")
                            {
                                string code = r.GetAttribute("code") ?? "";
                                sb.Append('$').Append(code.Length == 0 ? "{}" : Value(code, s, blanks: false)).Append(Value(ReadText(r), s, blanks: false));
                            }
                        }
                    }
                    lines.Add(sb.ToString());
                    break;
                }
            }
        }
        lines.Insert(0, "=LDR  " + (leader ?? "<none>"));
        return lines;
    }

    private static string ReadText(XmlReader r)
    {
        if (r.IsEmptyElement) return "";
        int depth = r.Depth;
        var sb = new StringBuilder();
        while (r.Read())
        {
            if (r.NodeType == XmlNodeType.EndElement && r.Depth == depth) break;
            if (r.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace) sb.Append(r.Value);
        }
        return sb.ToString();
    }

    private static string Leader(string leader, Settings s)
    {
        var c = leader.ToCharArray();
        if (c.Length == 24)
        {
            if (s.MaskLengths)
            {
                for (int i = 0; i < 5; i++) c[i] = '#';
                for (int i = 12; i < 17; i++) c[i] = '#';
            }
            if (s.MaskLeader09) c[9] = '#';
            if (s.MaskLeaderStructure)
            {
                c[10] = c[11] = '#';
                for (int i = 20; i < 24; i++) c[i] = '#';
            }
        }
        return Value(new string(c), s, blanks: true);
    }

    private static string Value(string v, Settings s, bool blanks)
    {
        if (s.Nfc)
        {
            try
            {
                v = v.Normalize(NormalizationForm.FormC);
            }
            catch (ArgumentException)
            {
                // invalid UTF-16 (lone surrogate): compare as is
            }
        }
        var sb = new StringBuilder(v.Length);
        foreach (char ch in v)
        {
            if (ch < 0x20 || (ch >= 0x7F && ch <= 0x9F)) sb.Append("<U+").Append(((int)ch).ToString("X4", CultureInfo.InvariantCulture)).Append('>');
            else if (ch == '$') sb.Append("{dollar}");
            else if (ch == ' ' && blanks) sb.Append('\\');
            else sb.Append(ch);
        }
        return sb.ToString();
    }
}
