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
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ContractViolation($"reading {format} threw {e.GetType().Name}: {e.Message}", e);
        }
        allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        return results;
    }

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
            try
            {
                written = Write(record, format);
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
            string? shape = ShapeDifference(record, back[0].Record!);
            if (shape != null) throw new ContractViolation($"a record written as {format} read back changed: {shape}");
        }
    }

    public static byte[] Write(MarcRecord record, MarcFormat format)
    {
        var ms = new MemoryStream();
        using (IMarcWriter w = format switch
        {
            MarcFormat.Iso2709 => new Iso2709Writer(ms, new Iso2709WriterOptions { LeaveOpen = true }),
            MarcFormat.MarcXml => new MarcXmlWriter(ms, new MarcXmlWriterOptions { LeaveOpen = true }),
            MarcFormat.Json => new MarcJsonWriter(ms, new MarcJsonWriterOptions { LeaveOpen = true }),
            _ => new MrkWriter(ms, format, new MrkWriterOptions { LeaveOpen = true }),
        })
        {
            w.Write(record);
            w.Complete();
        }
        return ms.ToArray();
    }

    /// <summary>Structure (field count, tags, subfield codes) that differs, or null.</summary>
    public static string? ShapeDifference(MarcRecord a, MarcRecord b)
    {
        if (a.Fields.Count != b.Fields.Count) return $"{a.Fields.Count} fields became {b.Fields.Count}";
        for (int i = 0; i < a.Fields.Count; i++)
        {
            var fa = a.Fields[i];
            var fb = b.Fields[i];
            if (fa is DataField da && fb is DataField db)
            {
                if (da.Subfields.Count != db.Subfields.Count)
                    return $"field {i + 1} ({da.Tag}): {da.Subfields.Count} subfields became {db.Subfields.Count}";
                for (int k = 0; k < da.Subfields.Count; k++)
                {
                    if (da.Subfields[k].Code != db.Subfields[k].Code)
                        return $"field {i + 1} ({da.Tag}) subfield {k + 1}: code U+{(int)da.Subfields[k].Code:X4} became U+{(int)db.Subfields[k].Code:X4}";
                }
            }
            else if ((fa is DataField) != (fb is DataField))
            {
                return $"field {i + 1} ({fa.Tag}) changed kind";
            }
        }
        return null;
    }
}

/// <summary>A breach of the readers' or writers' contract.</summary>
public sealed class ContractViolation : Exception
{
    public ContractViolation(string message, Exception? inner = null) : base(message, inner) { }
}
