using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using Xunit;

namespace OclcCataloging.Core.Tests.Marc.IO;

/// <summary>The one decision of where and in which format records are written.</summary>
public sealed class MarcFileTargetTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oclc-target-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static MarcRecord Rec(string id)
    {
        var r = new MarcRecord();
        r.Fields.Add(new ControlField("001", id));
        return r;
    }

    private static void Write(MarcFileTarget target, string id)
    {
        using var w = new MarcFileWriter(target);
        w.Write(Rec(id));
        w.Commit();
    }

    [Fact]
    public void The_target_follows_the_existing_content_when_appending_and_the_name_otherwise()
    {
        string path = Path.Combine(_dir, "out.dat");
        var fresh = MarcFileWriter.ChooseTarget(path, MarcFormat.Auto, append: true);
        Assert.Equal(Path.GetFullPath(path), fresh.FullPath);
        Assert.Equal(MarcFormat.Iso2709, fresh.Format);
        Assert.False(fresh.AppendsToContent);

        File.WriteAllText(path, "<collection xmlns=\"http://www.loc.gov/MARC21/slim\"></collection>");
        var existing = MarcFileWriter.ChooseTarget(path, MarcFormat.Auto, append: true);
        Assert.Equal(MarcFormat.MarcXml, existing.Format);
        Assert.True(existing.AppendsToContent);
        Assert.False(MarcFileWriter.ChooseTarget(path, MarcFormat.Auto, append: false).AppendsToContent);
        Assert.Throws<InvalidDataException>(() => MarcFileWriter.ChooseTarget(path, MarcFormat.Json, append: true));
    }

    [Fact]
    public void A_writer_for_a_target_writes_in_its_format_and_appends_when_it_says_so()
    {
        string path = Path.Combine(_dir, "out.xml");
        Write(MarcFileWriter.ChooseTarget(path, MarcFormat.Auto, append: true), "1");
        var target = MarcFileWriter.ChooseTarget(path, MarcFormat.Auto, append: true);
        Write(target, "2");

        using var reader = MarcFileReader.Open(path);
        Assert.Equal(MarcFormat.MarcXml, reader.Format);
        Assert.Equal("1", reader.ReadNext()!.Record!.ControlNumber);
        Assert.Equal("2", reader.ReadNext()!.Record!.ControlNumber);
        Assert.Null(reader.ReadNext());
    }
}
