using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using OclcCataloging.Marc;

namespace OclcCataloging.Bench
{
    /// <summary>
    /// A minimal ISO 2709 serialiser used only by <c>generate --writer simple</c>: an independent second
    /// implementation, so the benchmark data do not depend on the writer under test (and so a faulty core
    /// writer shows up as a difference between the two files, see <c>generate --writer core</c>).
    /// </summary>
    internal sealed class SimpleIso2709Writer
    {
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, true);
        private readonly Stream _out;
        private readonly MemoryStream _data = new MemoryStream(4096);
        private readonly MemoryStream _dir = new MemoryStream(512);

        public SimpleIso2709Writer(Stream output) { _out = output; }

        public long BytesWritten { get; private set; }

        public void Write(MarcRecord record)
        {
            _data.SetLength(0);
            _dir.SetLength(0);
            foreach (MarcField field in record.Fields)
            {
                long start = _data.Length;
                if (field is ControlField c)
                {
                    WriteText(c.Value);
                }
                else
                {
                    var d = (DataField)field;
                    _data.WriteByte((byte)d.Indicator1);
                    _data.WriteByte((byte)d.Indicator2);
                    foreach (Subfield s in d.Subfields)
                    {
                        _data.WriteByte(0x1F);
                        _data.WriteByte((byte)s.Code);
                        WriteText(s.Value);
                    }
                }
                _data.WriteByte(0x1E);
                long length = _data.Length - start;
                WriteAscii(_dir, field.Tag);
                WriteAscii(_dir, length.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
                WriteAscii(_dir, start.ToString("D5", System.Globalization.CultureInfo.InvariantCulture));
            }
            _dir.WriteByte(0x1E);
            _data.WriteByte(0x1D);
            int baseAddress = 24 + (int)_dir.Length;
            int total = baseAddress + (int)_data.Length;
            if (total > 99999) throw new InvalidOperationException("Record too long for ISO 2709: " + total + " bytes.");

            char[] leader = record.Leader.ToString().ToCharArray();
            total.ToString("D5", System.Globalization.CultureInfo.InvariantCulture).CopyTo(0, leader, 0, 5);
            baseAddress.ToString("D5", System.Globalization.CultureInfo.InvariantCulture).CopyTo(0, leader, 12, 5);
            var leaderBytes = new byte[24];
            for (int i = 0; i < 24; i++) leaderBytes[i] = (byte)leader[i];
            _out.Write(leaderBytes, 0, 24);
            _dir.WriteTo(_out);
            _data.WriteTo(_out);
            BytesWritten += total;
        }

        private void WriteText(string text)
        {
            byte[] bytes = Utf8.GetBytes(text);
            _data.Write(bytes, 0, bytes.Length);
        }

        private static void WriteAscii(Stream s, string text)
        {
            foreach (char ch in text) s.WriteByte((byte)ch);
        }
    }
}
