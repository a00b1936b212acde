using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;

namespace OclcCataloging.Bench
{
    /// <summary>
    /// Benchmark driver. Every command prints exactly one JSON line on stdout, e.g.
    /// <c>{"command":"parse","records":200000,"fields":3700000,"seconds":0.812,"recordsPerSecond":246305,"peakWorkingSetMB":61.2}</c>.
    /// The harness (bench/Invoke-Benchmark.ps1) runs each command as its own process under GNU time.
    /// </summary>
    internal static class Program
    {
        private const string Usage =
@"OclcCataloging.Bench <command> ...
  generate --records N --out FILE [--seed S] [--min-bytes B] [--writer core|simple]
                         write N realistic UTF-8 bibliographic records (or, with --min-bytes, as many as it
                         takes to reach B bytes) deterministically from seed S (default 2709)
  stats FILE             records, bytes, fields and non-ASCII records in an ISO 2709 file (own scanner)
  count FILE             records in an ISO 2709 or MARCXML file (own scanner; checks the cmdlets' output)
  parse FILE             core Iso2709Reader: read every record, count records and fields (no subfield access)
  parse-deep FILE        the same, and decode every control field and subfield value to a string
  validate FILE          read and validate every record (Full level), findings per rule
  toxml FILE OUT         core Iso2709Reader -> MarcXmlWriter into OUT (/dev/null allowed)
  tomarc FILE OUT        core Iso2709Reader -> Iso2709Writer into OUT (/dev/null allowed)
  convert FILE OUT [FMT] [--one-thread] [--threads N] [--thread-cpu]
                         core MarcFileConverter (Convert-MarcFile's threads) into the real file OUT, FMT
                         MarcXml by default; --threads N: N serialising threads (default: processor count; 0/1:
                         the writing thread serialises); --collect-every-kib K, --collect-gen G: the memory policy's
                         collections (default: the converter's); --thread-cpu: CPU seconds per thread
                         (sampled from /proc); --one-thread: the same reader and writer on one thread
  convert-split FILE OUT [FMT]
                         the converter's work on one thread, a batch at a time, with the thread's CPU seconds spent
                         reading (parsing), serialising (coding conversion and serialisation into a buffer) and
                         writing (the buffer into OUT)";

        private static int Main(string[] args)
        {
            if (args.Length == 0 || args[0] == "-h" || args[0] == "--help")
            {
                Console.Error.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            try
            {
                string cmd = args[0];
                var rest = new List<string>(args).GetRange(1, args.Length - 1);
                switch (cmd)
                {
                    case "generate": return Generate(rest);
                    case "generate-mfhd": return GenerateMfhd(rest);
                    case "stats": return Stats(Positional(rest, 0, "FILE"));
                    case "count": return Count(Positional(rest, 0, "FILE"));
                    case "parse": return CoreCommands.Parse(Positional(rest, 0, "FILE"), deep: false);
                    case "parse-deep": return CoreCommands.Parse(Positional(rest, 0, "FILE"), deep: true);
                    case "toxml": return CoreCommands.Convert(Positional(rest, 0, "FILE"), Positional(rest, 1, "OUT"), xml: true);
                    case "validate": return CoreCommands.Validate(Positional(rest, 0, "FILE"));
                    case "tomarc": return CoreCommands.Convert(Positional(rest, 0, "FILE"), Positional(rest, 1, "OUT"), xml: false);
                    case "convert":
                        bool oneThread = rest.Remove("--one-thread");
                        bool threadCpu = rest.Remove("--thread-cpu");
                        int threads = Environment.ProcessorCount;
                        int at = rest.IndexOf("--threads");
                        if (at >= 0 && at + 1 < rest.Count)
                        {
                            threads = int.Parse(rest[at + 1], System.Globalization.CultureInfo.InvariantCulture);
                            rest.RemoveRange(at, 2);
                        }
                        long collectEvery = -1;
                        int collectGen = 0;
                        at = rest.IndexOf("--collect-every-kib");
                        if (at >= 0 && at + 1 < rest.Count)
                        {
                            collectEvery = 1024 * long.Parse(rest[at + 1], System.Globalization.CultureInfo.InvariantCulture);
                            rest.RemoveRange(at, 2);
                        }
                        at = rest.IndexOf("--collect-gen");
                        if (at >= 0 && at + 1 < rest.Count)
                        {
                            collectGen = int.Parse(rest[at + 1], System.Globalization.CultureInfo.InvariantCulture);
                            rest.RemoveRange(at, 2);
                        }
                        return ConvertCommand.Run(Positional(rest, 0, "FILE"), Positional(rest, 1, "OUT"), rest.Count > 2 ? rest[2] : "MarcXml", oneThread, threads, collectEvery, collectGen, threadCpu);
                    case "convert-split":
                        return ConvertSplitCommand.Run(Positional(rest, 0, "FILE"), Positional(rest, 1, "OUT"), rest.Count > 2 ? rest[2] : "MarcXml");
                    default:
                        Console.Error.WriteLine("Unknown command '" + cmd + "'.");
                        Console.Error.WriteLine(Usage);
                        return 2;
                }
            }
            catch (UsageException ex)
            {
                Console.Error.WriteLine(ex.Message);
                Console.Error.WriteLine(Usage);
                return 2;
            }
            catch (Exception ex)
            {
                Console.Error.WriteLine(ex.ToString());
                return 1;
            }
        }

        /// <summary>generate-mfhd --records N --out FILE --table CSV [--seed S]: LHRs and their translation table.</summary>
        private static int GenerateMfhd(List<string> args)
        {
            long records = 100000;
            int seed = 852;
            string? output = null, table = null;
            for (int i = 0; i < args.Count; i++)
            {
                string value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException(args[i] + " needs a value.");
                switch (args[i])
                {
                    case "--records": records = long.Parse(value, CultureInfo.InvariantCulture); i++; break;
                    case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                    case "--out": output = value; i++; break;
                    case "--table": table = value; i++; break;
                    default: throw new ArgumentException("Unknown option " + args[i] + ".");
                }
            }
            if (output == null || table == null) throw new ArgumentException("generate-mfhd needs --out FILE and --table CSV.");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            MfhdGenerator.Write(output, table, records, seed);
            PrintResult("generate-mfhd", records, clock.Elapsed.TotalSeconds);
            return 0;
        }

        private static int Generate(List<string> args)
        {
            long records = 200_000;
            int seed = 2709;
            long minBytes = 0;
            string? output = null;
            string writer = "core";
            for (int i = 0; i < args.Count; i++)
            {
                string value = i + 1 < args.Count ? args[i + 1] : throw new UsageException("Option " + args[i] + " needs a value.");
                switch (args[i])
                {
                    case "--records": records = long.Parse(value, CultureInfo.InvariantCulture); i++; break;
                    case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
                    case "--min-bytes": minBytes = long.Parse(value, CultureInfo.InvariantCulture); i++; break;
                    case "--out": output = value; i++; break;
                    case "--writer": writer = value; i++; break;
                    default: throw new UsageException("Unknown option " + args[i] + ".");
                }
            }
            if (output == null) throw new UsageException("generate needs --out FILE.");
            if (writer != "core" && writer != "simple") throw new UsageException("--writer is core or simple.");

            var sw = Stopwatch.StartNew();
            var gen = new RecordGenerator(seed);
            long count = 0;
            string temp = output + ".partial";
            using (var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                Func<long> bytes;
                Action<Marc.MarcRecord> write;
                Action complete;
                if (writer == "simple")
                {
                    var w = new SimpleIso2709Writer(fs);
                    write = w.Write;
                    complete = () => { };
                    bytes = () => w.BytesWritten;
                }
                else
                {
                    var w = CoreCommands.CreateIso2709Writer(fs);
                    write = w.Write;
                    complete = w.Complete;
                    bytes = () => fs.Position;
                }
                while (minBytes > 0 ? bytes() < minBytes : count < records)
                {
                    write(gen.Next());
                    count++;
                }
                complete();
            }
            File.Move(temp, output, overwrite: true);
            sw.Stop();
            long length = new FileInfo(output).Length;
            PrintResult("generate", count, sw.Elapsed.TotalSeconds, new Dictionary<string, object>
            {
                ["bytes"] = length,
                ["seed"] = seed,
                ["writer"] = writer,
                ["averageBytesPerRecord"] = count == 0 ? 0 : Math.Round((double)length / count, 1),
            });
            return 0;
        }

        /// <summary>Counts records, fields and non-ASCII records straight from the bytes (leader lengths and directories).</summary>
        private static int Stats(string path)
        {
            var sw = Stopwatch.StartNew();
            byte[] data = File.ReadAllBytes(path);
            long records = 0, fields = 0, nonAscii = 0, bad = 0;
            int pos = 0;
            while (pos + 24 <= data.Length)
            {
                int length = Digits(data, pos, 5);
                int baseAddress = Digits(data, pos + 12, 5);
                if (length < 25 || baseAddress < 25 || pos + length > data.Length)
                {
                    bad++;
                    break;
                }
                records++;
                fields += (baseAddress - 24 - 1) / 12;
                for (int i = pos; i < pos + length; i++)
                {
                    if (data[i] >= 0x80)
                    {
                        nonAscii++;
                        break;
                    }
                }
                pos += length;
            }
            sw.Stop();
            PrintResult("stats", records, sw.Elapsed.TotalSeconds, new Dictionary<string, object>
            {
                ["fields"] = fields,
                ["bytes"] = data.LongLength,
                ["averageBytesPerRecord"] = records == 0 ? 0 : Math.Round((double)data.LongLength / records, 1),
                ["averageFieldsPerRecord"] = records == 0 ? 0 : Math.Round((double)fields / records, 2),
                ["nonAsciiRecords"] = nonAscii,
                ["nonAsciiPercent"] = records == 0 ? 0 : Math.Round(100.0 * nonAscii / records, 2),
                ["unreadableTail"] = bad,
            });
            return 0;
        }

        /// <summary>
        /// Counts records without the core: MARCXML by its record start tags (<c>&lt;record</c> or
        /// <c>&lt;marc:record</c> followed by blank or &gt;), ISO 2709 by the leader lengths.
        /// </summary>
        private static int Count(string path)
        {
            var sw = Stopwatch.StartNew();
            long records = 0;
            string format;
            using (var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            {
                int first = fs.ReadByte();
                while (first == 0xEF || first == 0xBB || first == 0xBF || first == ' ' || first == '\n' || first == '\r' || first == '\t') first = fs.ReadByte();
                fs.Position = 0;
                if (first == '<')
                {
                    format = "MarcXml";
                    records = CountXmlRecords(fs);
                }
                else
                {
                    format = "Iso2709";
                    records = CountIsoRecords(fs);
                }
            }
            sw.Stop();
            PrintResult("count", records, sw.Elapsed.TotalSeconds, new Dictionary<string, object> { ["format"] = format });
            return 0;
        }

        private static long CountXmlRecords(Stream s)
        {
            byte[][] patterns = { Encoding.ASCII.GetBytes("<record"), Encoding.ASCII.GetBytes("<marc:record") };
            var buf = new byte[1 << 20];
            int keep = 0;
            long count = 0;
            while (true)
            {
                int read = s.Read(buf, keep, buf.Length - keep);
                int end = keep + read;
                int scanTo = read == 0 ? end : end - 16; // leave a tail for tags split across reads
                int i = 0;
                while (i < scanTo)
                {
                    int lt = Array.IndexOf(buf, (byte)'<', i, scanTo - i);
                    if (lt < 0) { i = scanTo; break; }
                    foreach (byte[] p in patterns)
                    {
                        int after = lt + p.Length;
                        if (after < end && buf.AsSpan(lt, p.Length).SequenceEqual(p))
                        {
                            byte c = buf[after];
                            if (c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r') count++;
                        }
                    }
                    i = lt + 1;
                }
                if (read == 0) break;
                keep = end - i;
                Buffer.BlockCopy(buf, i, buf, 0, keep);
            }
            return count;
        }

        private static long CountIsoRecords(Stream s)
        {
            var leader = new byte[5];
            long count = 0;
            while (true)
            {
                int got = 0;
                while (got < 5)
                {
                    int r = s.Read(leader, got, 5 - got);
                    if (r == 0) break;
                    got += r;
                }
                if (got == 0) break;
                int length = got == 5 ? Digits(leader, 0, 5) : -1;
                if (length < 24) throw new InvalidDataException("Record " + (count + 1) + " has no usable record length at byte " + (s.Position - got) + ".");
                count++;
                s.Seek(length - 5, SeekOrigin.Current);
            }
            return count;
        }

        private static int Digits(byte[] b, int offset, int count)
        {
            int v = 0;
            for (int i = offset; i < offset + count; i++)
            {
                int d = b[i] - '0';
                if (d < 0 || d > 9) return -1;
                v = v * 10 + d;
            }
            return v;
        }

        internal static string Positional(List<string> args, int index, string name)
        {
            if (index >= args.Count) throw new UsageException("Missing argument " + name + ".");
            return args[index];
        }

        /// <summary>Prints the one-line JSON result: command, records, seconds, recordsPerSecond, peakWorkingSetMB and extras.</summary>
        internal static void PrintResult(string command, long records, double seconds, IDictionary<string, object>? extra = null)
        {
            double peakMB;
            using (var p = Process.GetCurrentProcess())
            {
                p.Refresh();
                peakMB = p.PeakWorkingSet64 / (1024.0 * 1024.0);
            }
            var sb = new StringBuilder();
            sb.Append("{\"command\":\"").Append(command).Append('"');
            sb.Append(",\"records\":").Append(records.ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"seconds\":").Append(seconds.ToString("0.000", CultureInfo.InvariantCulture));
            sb.Append(",\"recordsPerSecond\":").Append((seconds > 0 ? records / seconds : 0).ToString("0", CultureInfo.InvariantCulture));
            sb.Append(",\"peakWorkingSetMB\":").Append(peakMB.ToString("0.0", CultureInfo.InvariantCulture));
            // Allocation and GC counts: where a slow row's time goes is often the garbage collector.
            sb.Append(",\"allocatedMB\":").Append((GC.GetTotalAllocatedBytes(false) / (1024.0 * 1024.0)).ToString("0", CultureInfo.InvariantCulture));
            sb.Append(",\"gcGen0\":").Append(GC.CollectionCount(0).ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"gcGen1\":").Append(GC.CollectionCount(1).ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"gcGen2\":").Append(GC.CollectionCount(2).ToString(CultureInfo.InvariantCulture));
            sb.Append(",\"gcPauseSeconds\":").Append(GC.GetTotalPauseDuration().TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture));
            if (extra != null)
            {
                foreach (var kv in extra)
                {
                    sb.Append(",\"").Append(kv.Key).Append("\":");
                    switch (kv.Value)
                    {
                        case string s: sb.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"'); break;
                        case double d: sb.Append(d.ToString("0.###", CultureInfo.InvariantCulture)); break;
                        case IFormattable f: sb.Append(f.ToString(null, CultureInfo.InvariantCulture)); break;
                        default: sb.Append('"').Append(kv.Value).Append('"'); break;
                    }
                }
            }
            sb.Append('}');
            Console.Out.WriteLine(sb.ToString());
        }
    }

    internal sealed class UsageException : Exception
    {
        public UsageException(string message) : base(message) { }
    }
}
