using System.IO;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Json;
using OclcCataloging.Marc.Mrk;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Fuzz;

/// <summary>
/// The readers' contract, checked for one input: reading never throws; each record read can be written in every
/// format, or is refused with a documented error (<see cref="MarcWriteException"/>, <see cref="MarcEncodingException"/>);
/// what is written reads back as one record of the same shape; memory is bounded by the input size.
/// A breach throws <see cref="ContractViolation"/>.
/// </summary>
public static class MarcContract
{
    /// <summary>Bytes one input byte may cost while reading it (plus <see cref="AllocationFloor"/>).</summary>
    public const long AllocationPerInputByte = 400;

    /// <summary>Allocation any input may cost (reader buffers, code tables on first use).</summary>
    public const long AllocationFloor = 32L * 1024 * 1024;

    public static readonly MarcFormat[] WriteFormats =
        { MarcFormat.Iso2709, MarcFormat.MarcXml, MarcFormat.Json, MarcFormat.Mrk, MarcFormat.Mrk8 };

    /// <summary>Reads <paramref name="input"/> as <paramref name="format"/> and checks every result; returns what was read.</summary>
    public static List<MarcReadResult> CheckRead(byte[] input, MarcFormat format, bool checkWrites = true)
    {
        long budget = AllocationFloor + AllocationPerInputByte * input.Length;
        long before = GC.GetAllocatedBytesForCurrentThread();
        var results = ReadAll(input, format, out _);
        foreach (var r in results)
        {
            if (r.Record != null) Materialise(r.Record);
        }
        Bounded("reading", before, budget, input.Length, format);
        if (!checkWrites) return results;
        foreach (var r in results)
        {
            if (r.Record == null) continue;
            before = GC.GetAllocatedBytesForCurrentThread();
            CheckWritable(r.Record);
            Bounded("writing a record in every format", before, budget * WriteFormats.Length, input.Length, format);
            foreach (var encoding in new[] { MarcEncoding.Utf8, MarcEncoding.Marc8 })
            {
                before = GC.GetAllocatedBytesForCurrentThread();
                MarcRecord converted;
                try
                {
                    converted = MarcEncodingConverter.ToEncoding(r.Record, encoding);
                    Materialise(converted);
                }
                catch (Exception e) when (e is MarcEncodingException)
                {
                    continue;
                }
                catch (Exception e)
                {
                    throw new ContractViolation($"converting a record to {encoding} threw {e.GetType().Name}: {e.Message}", e);
                }
                Bounded("converting a record to " + encoding, before, budget, input.Length, format);
                CheckWritable(converted);
            }
        }
        return results;
    }

    private static void Bounded(string what, long before, long budget, int inputLength, MarcFormat format)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        if (allocated > budget)
            throw new ContractViolation($"{what} ({inputLength} bytes of {format}) allocated {allocated:N0} bytes (budget {budget:N0})");
    }

    /// <summary>All results of reading <paramref name="input"/>; an exception from the reader is a violation.</summary>
    public static List<MarcReadResult> ReadAll(byte[] input, MarcFormat format, out long allocated)
    {
        var results = new List<MarcReadResult>();
        long before = GC.GetAllocatedBytesForCurrentThread();
        try
        {
            using var reader = MarcReaderFactory.Create(new MemoryStream(input, writable: false), format, null,
                new MarcReaderOptions { Iso2709 = new Iso2709ReaderOptions { ReturnStrayBytes = true } });
            MarcReadResult? r;
            int guard = 0;
            while ((r = reader.ReadNext()) != null)
            {
                results.Add(r);
                if (++guard > input.Length + 16)
                    throw new ContractViolation($"more results ({guard}) than input bytes ({input.Length}) reading {format}");
            }
        }
        catch (ContractViolation) { throw; }
        catch (IOException e) when (IsGzip(input) && e.Message.StartsWith("The gzip-compressed input is damaged", StringComparison.Ordinal))
        {
            // documented: damaged compressed data ends the input like a failing disk read (nothing after it is readable)
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ContractViolation($"reading {format} threw {e.GetType().Name}: {e.Message}", e);
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return results;
    }

    private static bool IsGzip(byte[] input) => input.Length >= 2 && input[0] == 0x1F && input[1] == 0x8B;

    /// <summary>Decodes every value (MARC-8 and UTF-8 text is decoded lazily) and the warnings.</summary>
    public static void Materialise(MarcRecord record)
    {
        try
        {
            _ = record.ToMarcText();
            foreach (var w in record.Warnings) _ = w.ToString();
        }
        catch (Exception e)
        {
            throw new ContractViolation($"showing a record read threw {e.GetType().Name}: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="record"/> in every format and reads each back.</summary>
    public static void CheckWritable(MarcRecord record)
    {
        foreach (var format in WriteFormats)
        {
            byte[] written;
            bool replaced;
            try
            {
                written = Write(record, format, out replaced);
            }
            catch (Exception e) when (e is MarcWriteException || e is MarcEncodingException)
            {
                continue; // refused with the documented error
            }
            catch (Exception e)
            {
                throw new ContractViolation($"writing a record as {format} threw {e.GetType().Name}: {e.Message}", e);
            }
            var back = ReadAll(written, format, out _);
            int records = back.Count(b => b.Record != null);
            if (records != 1 || back.Count != 1)
                throw new ContractViolation($"one record written as {format} read back as {records} record(s) and {back.Count - records} other result(s)");
            // MARCXML's default writes a character XML 1.0 forbids as U+FFFD and reports it: documented, not silent
            string? shape = ShapeDifference(record, back[0].Record!, replacedCodesAllowed: replaced);
            if (shape != null) throw new ContractViolation($"a record written as {format} read back changed: {shape}");
        }
    }

    public static byte[] Write(MarcRecord record, MarcFormat format) => Write(record, format, out _);

    /// <summary>Writes one record; <paramref name="replaced"/> tells whether the writer reported a replaced character.</summary>
    public static byte[] Write(MarcRecord record, MarcFormat format, out bool replaced)
    {
        var ms = new MemoryStream();
        bool reported = false;
        using (IMarcWriter w = format switch
        {
            MarcFormat.Iso2709 => new Iso2709Writer(ms, new Iso2709WriterOptions { LeaveOpen = true }),
            MarcFormat.MarcXml => new MarcXmlWriter(ms, new MarcXmlWriterOptions
            {
                LeaveOpen = true,
                Diagnostic = (_, d) => reported |= d.Code == MarcDiagnosticCodes.XmlInvalidCharacter || d.Code == MarcDiagnosticCodes.InvalidUtf8,
            }),
            MarcFormat.Json => new MarcJsonWriter(ms, new MarcJsonWriterOptions { LeaveOpen = true }),
            _ => new MrkWriter(ms, format, new MrkWriterOptions { LeaveOpen = true }),
        })
        {
            w.Write(record);
            w.Complete();
        }
        replaced = reported;
        return ms.ToArray();
    }

    /// <summary>Structure (field count, tags, kinds, subfield codes) that differs, or null.</summary>
    public static string? ShapeDifference(MarcRecord a, MarcRecord b, bool replacedCodesAllowed = false) =>
        MarcRecordShape.Difference(a, b, replacedCodesAllowed);
}

/// <summary>A breach of the readers' or writers' contract.</summary>
public sealed class ContractViolation : Exception
{
    public ContractViolation(string message, Exception? inner = null) : base(message, inner) { }
}
