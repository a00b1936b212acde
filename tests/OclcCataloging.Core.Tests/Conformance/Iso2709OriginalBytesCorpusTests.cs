using OclcCataloging.Core.Tests.Marc.Iso2709;
using OclcCataloging.Core.Tests.TestSupport;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.IO;
using Xunit;
using Xunit.Abstractions;

namespace OclcCataloging.Core.Tests.Conformance;

/// <summary>
/// Over every ISO 2709 file of the shared corpus: writing a record by copying its original bytes gives exactly what
/// encoding it gives, and every record that was copied is its input byte for byte.
/// </summary>
public class Iso2709OriginalBytesCorpusTests
{
    private readonly ITestOutputHelper _output;

    public Iso2709OriginalBytesCorpusTests(ITestOutputHelper output) => _output = output;

    [CorpusFact]
    public void Copying_and_encoding_give_the_same_bytes_for_every_corpus_record()
    {
        int records = 0, copied = 0;
        var differences = new List<string>();
        foreach (string file in Iso2709Corpus.Files())
        {
            byte[] data = Iso2709Corpus.Bytes(file);
            foreach (var result in Iso2709Corpus.Read(data, file))
            {
                MarcRecord? record = result.Record;
                if (record == null) continue;
                records++;
                byte[] encoded, written;
                try
                {
                    encoded = Iso2709OriginalBytesTests.Write(record, copy: false);
                }
                catch (MarcWriteException)
                {
                    continue; // not writable as ISO 2709 by default (oversize): nothing to compare
                }
                written = Iso2709OriginalBytesTests.Write(record, copy: true);
                if (!encoded.AsSpan().SequenceEqual(written)) differences.Add(file + " record at byte " + record.Origin!.ByteOffset);
                if (Iso2709OriginalBytes.TryGet(record, MarcTextCodec.ForLeader(record.Leader), out byte[] original))
                {
                    copied++;
                    byte[] input = data.AsSpan((int)record.Origin!.ByteOffset, original.Length).ToArray();
                    if (!input.AsSpan().SequenceEqual(written)) differences.Add(file + " record at byte " + record.Origin.ByteOffset + " was copied but is not its input");
                }
            }
        }
        _output.WriteLine(records + " records, " + copied + " copied whole");
        Assert.Empty(differences);
        Assert.True(copied > records / 2, copied + " of " + records + " records were copied whole; most corpus records are valid and should be");
    }
}
