using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc.Mrk
{
    /// <summary>Turns the lines of one record (from <see cref="MrkRecordSplitter"/>) into a record or a read error.</summary>
    internal static class MrkRecordDecoder
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, true);
        private static readonly UTF8Encoding LenientUtf8 = new UTF8Encoding(false, false);
        private static readonly Encoding Latin1 = Encoding.GetEncoding(28591);

        /// <param name="raw">The record's lines.</param>
        /// <param name="format"><see cref="MarcFormat.Mrk8"/>: the text is UTF-8. <see cref="MarcFormat.Mrk"/>: single
        /// bytes, except in a record whose leader/09 is 'a'. <see cref="MarcFormat.Auto"/> (strings only): Mrk8 when the
        /// record's text has non-ASCII characters, else Mrk.</param>
        /// <param name="fromString">The lines are UTF-8 from a string: in a MARC-8 record a non-ASCII character is a
        /// Unicode character to encode to MARC-8, not a MARC-8 byte.</param>
        /// <param name="sourcePath">File name for the origin.</param>
        /// <param name="ordinal">The record's number in its input.</param>
        /// <param name="maxRecordBytes">The limit <paramref name="raw"/> was split with (for the error text).</param>
        public static MarcReadResult Decode(MrkRawRecord raw, MarcFormat format, bool fromString, string? sourcePath, long ordinal, long maxRecordBytes)
        {
            bool mrk8 = format == MarcFormat.Mrk8 || (format == MarcFormat.Auto && HasNonAscii(raw));
            var origin = new MarcOrigin(sourcePath, ordinal, raw.Start, Math.Max(0, raw.End - raw.Start), mrk8 ? MarcFormat.Mrk8 : MarcFormat.Mrk);
            if (raw.TooLong)
            {
                return new MarcReadResult(new MarcReadError(MarcDiagnosticCodes.OversizeRecord,
                    "The record's text is longer than " + maxRecordBytes + " bytes (MaxRecordBytes); it was skipped.", origin, Join(raw.Lines)));
            }

            // .mrk: the leader says whether the rest is MARC-8 (single bytes) or UTF-8.
            bool unicode = mrk8;
            if (!unicode && raw.Lines.Count > 0 && MrkRecordSplitter.IsLeaderLine(raw.Lines[0].Value))
            {
                unicode = MrkText.LeaderCodingScheme(Latin1.GetString(raw.Lines[0].Value)) == 'a';
            }
            var lines = new List<MrkLine>(raw.Lines.Count);
            List<MarcDiagnostic>? utf8Warnings = null;
            foreach (var kv in raw.Lines)
            {
                string text;
                if (!unicode && !fromString)
                {
                    text = Latin1.GetString(kv.Value);
                }
                else
                {
                    try
                    {
                        text = StrictUtf8.GetString(kv.Value);
                    }
                    catch (DecoderFallbackException)
                    {
                        text = LenientUtf8.GetString(kv.Value);
                        (utf8Warnings ??= new List<MarcDiagnostic>()).Add(new MarcDiagnostic(MarcSeverity.Warning, MarcDiagnosticCodes.InvalidUtf8,
                            "The line holds bytes that are not UTF-8; they were replaced by U+FFFD.", kv.Key, null));
                    }
                }
                lines.Add(new MrkLine(text, kv.Key));
            }
            MarcRecord record = MrkText.Parse(lines, unicode, charsAreBytes: !fromString);
            if (utf8Warnings != null) foreach (var w in utf8Warnings) record.AddWarning(w);
            record.Origin = origin;
            return new MarcReadResult(record);
        }

        private static bool HasNonAscii(MrkRawRecord raw)
        {
            foreach (var kv in raw.Lines)
            {
                foreach (byte b in kv.Value)
                {
                    if (b >= 0x80) return true;
                }
            }
            return false;
        }

        private static byte[] Join(List<KeyValuePair<long, byte[]>> raw)
        {
            var ms = new MemoryStream();
            foreach (var kv in raw)
            {
                ms.Write(kv.Value, 0, kv.Value.Length);
                ms.WriteByte((byte)'\n');
            }
            return ms.ToArray();
        }
    }
}
