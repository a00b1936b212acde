using System;
using System.Globalization;
using System.IO;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Bench
{
    /// <summary>
    /// Writes realistic local holdings records (MFHD, leader/06 x or y) for the data sync benchmark, and the
    /// holdings translation table they are checked against. Two or three LHRs share an OCLC number (004), as
    /// when several branches hold one title.
    /// </summary>
    internal static class MfhdGenerator
    {
        private static readonly string[] Branches = { "MAIN", "MAIN", "MAIN", "BRAN", "LAW" };
        private static readonly string[] Shelves = { "STACKS", "REF", "PER", "MEDIA", "SPEC" };

        public static void Write(string path, string tablePath, long count, int seed)
        {
            var rnd = new Random(seed);
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            using (var writer = new Iso2709Writer(stream))
            {
                long ocn = 1000;
                for (long i = 1; i <= count; i++)
                {
                    if (rnd.Next(3) == 0) ocn += 1 + rnd.Next(50);
                    writer.Write(Record(i, ocn, rnd));
                }
                writer.Complete();
            }
            File.WriteAllLines(tablePath, new[]
            {
                "In852a,In852b,In852c,Out852a,Out852b,Out852c,Out008_20,Out008_21",
                "MAIN,STACKS,*,XYZ,XYZM,,a,a",
                "MAIN,REF,*,XYZ,XYZR,,b,a",
                "MAIN,*,*,XYZ,XYZM,,,",
                "BRAN,*,*,XYZ,XYZB,,,",
                "LAW,*,*,XYZ,XYZL,,a,b",
            });
        }

        private static MarcRecord Record(long i, long ocn, Random rnd)
        {
            bool serial = rnd.Next(4) == 0;
            var r = new MarcRecord(new Leader(serial ? "00000ny  a22000003n 4500" : "00000nx  a22000001n 4500"));
            string n = i.ToString(CultureInfo.InvariantCulture);
            r.AddControlField("001", "lhr" + n);
            r.AddControlField("004", ocn.ToString(CultureInfo.InvariantCulture));
            r.AddControlField("005", "20240115103000.0");
            r.AddControlField("007", "ta");
            r.AddControlField("008", serial ? "2401150p    8   4001aueng0240115" : "2401154u    8   1001aueng0240115");
            string branch = Branches[rnd.Next(Branches.Length)];
            r.AddDataField("852", "0 ", "a", branch, "b", Shelves[rnd.Next(Shelves.Length)], "h", "QA" + (76 + rnd.Next(700)) + "." + rnd.Next(99), "i", ".B" + rnd.Next(999), "t", "1");
            if (serial)
            {
                r.AddDataField("853", "20", "8", "1", "a", "v.", "b", "no.", "i", "(year)", "j", "(month)");
                r.AddDataField("863", "40", "8", "1.1", "a", "1-" + (5 + rnd.Next(40)), "i", "1980-2024");
                r.AddDataField("866", "41", "8", "1", "a", "v.1-" + (5 + rnd.Next(40)) + " (1980-2024)");
            }
            else if (rnd.Next(3) == 0)
            {
                r.AddDataField("876", "  ", "a", "it" + n, "p", "3" + n.PadLeft(13, '0'));
            }
            return r;
        }
    }
}
