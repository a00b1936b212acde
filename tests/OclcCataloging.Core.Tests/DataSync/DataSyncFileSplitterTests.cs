using OclcCataloging.DataSync.Export;
using OclcCataloging.DataSync.FileNames;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Oclc;
using Xunit;
using static OclcCataloging.Core.Tests.DataSync.LhrTestRecords;

namespace OclcCataloging.Core.Tests.DataSync;

/// <summary>Splitting into compliant files (docs/design/data-sync.md "same file", 100,000 records / 1 GB, names).</summary>
public sealed class DataSyncFileSplitterTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oclc-split-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private DataSyncExportOptions Options(DataSyncRecordKind kind, int max) => new()
    {
        CollectionId = "1234567", Symbol = "XYZ", Directory = _dir, Kind = kind, MaxRecordsPerFile = max,
        Description = kind == DataSyncRecordKind.LocalHoldings ? "lhr" : null, Timestamp = new DateTime(2024, 1, 31, 22, 15, 0),
        OclcNumberLocation = OclcNumberLocation.Field004, BucketCount = 4,
    };

    private static List<MarcRecord> Read(string path)
    {
        var list = new List<MarcRecord>();
        using var reader = MarcReaderFactory.OpenFile(path);
        MarcReadResult? r;
        while ((r = reader.ReadNext()) != null) list.Add(r.Record!);
        return list;
    }

    [Fact]
    public void Bibliographic_records_are_split_by_count_with_compliant_sequenced_names()
    {
        IList<DataSyncFileResult> files;
        using (var s = new DataSyncFileSplitter(Options(DataSyncRecordKind.Bibliographic, 2)))
        {
            for (int i = 1; i <= 5; i++) s.Add(Valid(i.ToString()));
            files = s.Complete();
        }
        Assert.Equal(new long[] { 2, 2, 1 }, files.Select(f => f.Records));
        // The time is made unique per process (a later second when already used), so only the minute is fixed here.
        Assert.Matches(@"^1234567\.XYZ\.D20240131\.T2215\d\d\.1\.mrc$", files[0].Name);
        Assert.Matches(@"\.3\.mrc$", files[2].Name);
        Assert.All(files, f => Assert.True(DataSyncFileNameValidator.Test(f.Name).IsValid));
        Assert.Equal(new[] { "1", "2", "3", "4", "5" }, files.SelectMany(f => Read(f.Path)).Select(r => r.GetValue("004")));
        Assert.Equal(3, Directory.GetFiles(_dir).Length);
    }

    [Fact]
    public void Unsorted_LHRs_of_one_OCN_stay_in_one_file_and_no_file_is_over_the_limit()
    {
        var rnd = new Random(7);
        var input = new List<MarcRecord>();
        for (int ocn = 1; ocn <= 40; ocn++)
            for (int copy = 1; copy <= 1 + ocn % 3; copy++)
                input.Add(Valid(ocn % 5 == 0 ? "ocm" + ocn.ToString("00000000") : ocn.ToString(), b: "B" + copy));
        input = input.OrderBy(_ => rnd.Next()).ToList();

        IList<DataSyncFileResult> files;
        using (var s = new DataSyncFileSplitter(Options(DataSyncRecordKind.LocalHoldings, 5)))
        {
            foreach (var r in input) s.Add(r);
            files = s.Complete();
        }
        var where = new Dictionary<long, string>();
        long total = 0;
        foreach (var f in files)
        {
            var records = Read(f.Path);
            Assert.InRange(records.Count, 1, 5);
            Assert.Equal(f.Records, records.Count);
            total += records.Count;
            foreach (var r in records)
            {
                long ocn = OclcNumberFinder.FindPrimary(r, OclcNumberLocation.Field004)!.Value;
                if (where.TryGetValue(ocn, out var other)) Assert.Equal(other, f.Name);
                else where[ocn] = f.Name;
            }
            Assert.Matches(@"^1234567\.XYZ\.lhr\.D20240131\.T2215\d\d\.\d+\.mrc$", f.Name);
        }
        Assert.Equal(input.Count, total);
        Assert.Equal(40, where.Count);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_dir), p => Path.GetFileName(p).StartsWith("."));
    }

    [Fact]
    public void Records_read_back_identical()
    {
        var input = new[] { Valid("1", b: "A"), Valid("2"), Valid("1", b: "B") };
        IList<DataSyncFileResult> files;
        using (var s = new DataSyncFileSplitter(Options(DataSyncRecordKind.LocalHoldings, 100000)))
        {
            foreach (var r in input) s.Add(r);
            files = s.Complete();
        }
        var back = Read(Assert.Single(files).Path);
        Assert.Equal(3, back.Count);
        foreach (var original in input) Assert.Contains(back, b => b.ContentEquals(original));
    }

    [Fact]
    public void An_LHR_without_OCN_is_refused_and_a_group_too_large_stops_the_run()
    {
        var s = new DataSyncFileSplitter(Options(DataSyncRecordKind.LocalHoldings, 2));
        var noOcn = Valid(); noOcn.RemoveFields("004");
        Assert.Equal("LhrWithoutOclcNumber", Assert.Throws<DataSyncExportException>(() => s.Add(noOcn)).Code);
        s.Add(Valid("9", b: "A")); s.Add(Valid("9", b: "B")); s.Add(Valid("9", b: "C"));
        Assert.Equal("OcnGroupTooLarge", Assert.Throws<DataSyncExportException>(() => s.Complete()).Code);
        s.Dispose();
        Assert.Empty(Directory.GetFileSystemEntries(_dir));
    }

    [Fact]
    public void Bad_collection_id_is_refused_before_any_record()
    {
        var o = Options(DataSyncRecordKind.Bibliographic, 10);
        o.CollectionId = "12345";
        Assert.Equal(DataSyncFileNameRules.CollectionId, Assert.Throws<DataSyncFileNameException>(() => new DataSyncFileSplitter(o)).RuleId);
    }

    [Fact]
    public void Files_are_split_by_size()
    {
        long one = OclcCataloging.Marc.Iso2709.Iso2709Writer.ToBytes(Valid("1")).Length;
        var o = Options(DataSyncRecordKind.Bibliographic, 100);
        o.MaxFileBytes = one * 2 + 1;
        using var s = new DataSyncFileSplitter(o);
        for (int i = 1; i <= 3; i++) s.Add(Valid(i.ToString()));
        var files = s.Complete();
        Assert.Equal(new long[] { 2, 1 }, files.Select(f => f.Records));
        Assert.All(files, f => Assert.True(f.Bytes <= o.MaxFileBytes));
    }
}
