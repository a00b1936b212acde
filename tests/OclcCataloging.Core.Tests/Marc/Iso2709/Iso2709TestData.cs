using System.Globalization;
using System.Text;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.IO;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.Iso2709;

/// <summary>
/// Builds ISO 2709 bytes by hand for tests, independently of <see cref="Iso2709Writer"/>, so records can be
/// made valid or broken on purpose. In field bodies written as text, '$' stands for the subfield delimiter 0x1F.
/// </summary>
internal static class Iso2709TestData
{
    public const byte RT = 0x1D;
    public const byte FT = 0x1E;
    public const byte SD = 0x1F;

    public const string Marc8Leader = "00000cam  2200000 a 4500";
    public const string Utf8Leader = "00000nam a2200000 i 4500";

    /// <summary>Field body from Latin-1 text (each char one byte), '$' = 0x1F.</summary>
    public static byte[] L(string text) => Encoding.Latin1.GetBytes(text.Replace('$', '\u001f'));

    /// <summary>Field body from text as UTF-8, '$' = 0x1F.</summary>
    public static byte[] U(string text) => Encoding.UTF8.GetBytes(text.Replace('$', '\u001f'));

    /// <summary>How <see cref="Build(string, Overflow, ValueTuple{string, byte[]}[])"/> writes numbers that do not fit their digits.</summary>
    public enum Overflow
    {
        /// <summary>Throw: the test meant a record that fits.</summary>
        Exact,
        /// <summary>All nines (99999 / 9999), as marc4j and HathiTrust write oversize records.</summary>
        Nines,
        /// <summary>Keep the low digits (a record of 123,375 bytes says 23375: the leading digit is lost).</summary>
        LowDigits,
    }

    /// <summary>A complete record: leader (lengths filled in), directory, fields each ending with 0x1E, 0x1D.</summary>
    public static byte[] Build(string leader, params (string Tag, byte[] Body)[] fields) => Build(leader, Overflow.Exact, fields);

    public static byte[] Build(string leader, Overflow overflow, params (string Tag, byte[] Body)[] fields)
    {
        var data = new List<byte>();
        var dir = new StringBuilder();
        foreach (var (tag, body) in fields)
        {
            dir.Append(tag).Append(Number(body.Length + 1, 4, overflow)).Append(Number(data.Count, 5, overflow));
            data.AddRange(body);
            data.Add(FT);
        }
        int baseAddress = 24 + dir.Length + 1;
        int total = baseAddress + data.Count + 1;
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.Latin1.GetBytes(
            Number(total, 5, overflow) + leader.Substring(5, 7) + Number(baseAddress, 5, overflow) + leader.Substring(17)));
        bytes.AddRange(Encoding.ASCII.GetBytes(dir.ToString()));
        bytes.Add(FT);
        bytes.AddRange(data);
        bytes.Add(RT);
        return bytes.ToArray();
    }

    private static string Number(int value, int digits, Overflow overflow)
    {
        int max = digits == 4 ? 9999 : 99999;
        if (value > max)
        {
            if (overflow == Overflow.Exact) throw new ArgumentException("Value " + value + " does not fit " + digits + " digits; choose an Overflow mode.");
            value = overflow == Overflow.Nines ? max : value % (max + 1);
        }
        return value.ToString(digits == 4 ? "D4" : "D5", CultureInfo.InvariantCulture);
    }

    /// <summary>A small valid MARC-8 bibliographic record (leader/09 blank) with a non-ASCII byte (0xE2 = MARC-8 acute).</summary>
    public static byte[] Marc8Record(string id = "ocm00000001") => Build(Marc8Leader,
        ("001", L(id)),
        ("003", L("OCoLC")),
        ("008", L("850320s1985    nyu           000 1 eng d")),
        ("100", L("1 $aAusten, Jane,$d1775-1817.")),
        ("245", L("14$aThe complete novels of Jane Austen /$cJane Austen ; \u00e2edition.")),
        ("650", L(" 0$aEngland$xSocial life and customs$vFiction.")));

    /// <summary>A small valid UTF-8 record (leader/09 'a') with multi-byte characters.</summary>
    public static byte[] Utf8Record(string id = "ocn00000002") => Build(Utf8Leader,
        ("001", U(id)),
        ("008", U("200101s2020    fr            000 0 fre d")),
        ("245", U("10$aÉcole et société :$bétudes /$cJosé Müller.")),
        ("880", U("10$6245-01$a日本語のタイトル")),
        ("CAT", U("  $aOCLC$b000$c20200101")));

    public static byte[] Concat(params byte[][] parts)
    {
        var all = new List<byte>();
        foreach (var p in parts) all.AddRange(p);
        return all.ToArray();
    }

    public static List<MarcReadResult> ReadAll(byte[] data, Iso2709ReaderOptions? options = null) => ReadAll(new MemoryStream(data), options);

    public static List<MarcReadResult> ReadAll(Stream stream, Iso2709ReaderOptions? options = null)
    {
        var list = new List<MarcReadResult>();
        using var reader = new Iso2709Reader(stream, "test.mrc", options);
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null) list.Add(r);
        return list;
    }

    public static MarcRecord ReadSingle(byte[] data, Iso2709ReaderOptions? options = null)
    {
        var all = ReadAll(data, options);
        Assert.Single(all);
        Assert.True(all[0].IsRecord, all[0].Error?.ToString());
        return all[0].Record!;
    }

    /// <summary>Position of the first occurrence of <paramref name="needle"/> (Latin-1) in <paramref name="data"/>.</summary>
    public static int IndexOf(byte[] data, string needle, int from = 0)
    {
        byte[] n = Encoding.Latin1.GetBytes(needle);
        for (int i = from; i + n.Length <= data.Length; i++)
        {
            if (data.AsSpan(i, n.Length).SequenceEqual(n)) return i;
        }
        return -1;
    }

    public static byte[] WithBytes(byte[] data, int offset, string latin1)
    {
        var copy = (byte[])data.Clone();
        Encoding.Latin1.GetBytes(latin1).CopyTo(copy, offset);
        return copy;
    }

    public static string Codes(MarcRecord r) => string.Join(",", r.Warnings.Select(w => w.Code));

    public static string Tags(MarcRecord r) => string.Join(" ", r.Fields.Select(f => f.Tag));

    /// <summary>A stream that cannot seek and returns at most a few bytes per read, like a pipe.</summary>
    public sealed class TrickleStream : Stream
    {
        private readonly byte[] _data;
        private readonly int[] _chunks;
        private int _pos, _call;

        public TrickleStream(byte[] data, params int[] chunkSizes)
        {
            _data = data;
            _chunks = chunkSizes.Length == 0 ? new[] { 1, 7, 3, 64, 2, 4096, 5 } : chunkSizes;
        }

        public bool Disposed { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, _chunks[_call++ % _chunks.Length]), _data.Length - _pos);
            Array.Copy(_data, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
