using System;
using System.Collections.Generic;
using System.Diagnostics;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Conversion;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Bench
{
    /// <summary>
    /// The core of Convert-MarcFile without PowerShell: MarcFileConverter from FILE into the real file OUT. With
    /// --one-thread, the same work on one thread (MarcFileReader, then MarcFileWriter per record, as
    /// Import-MarcFile | Export-MarcFile do it), to see what the second thread gains.
    /// </summary>
    internal static class ConvertCommand
    {
        public static int Run(string path, string output, string format, bool oneThread, int threads, long collectEvery = -1, int collectGeneration = 0, bool threadCpu = false)
        {
            var fmt = (MarcFormat)Enum.Parse(typeof(MarcFormat), format, ignoreCase: true);
            if (oneThread) return RunOneThread(path, output, fmt);
            long events = 0;
            using var sampler = threadCpu ? new ThreadCpuSampler() : null;
            var sw = Stopwatch.StartNew();
            MarcConversionSummary summary;
            using (var converter = new MarcFileConverter(new[] { path }, MarcFileWriter.ChooseTarget(output, fmt, append: false), Options(threads, collectEvery, collectGeneration)))
            {
                converter.Start();
                bool completed = false;
                while (!converter.IsFinished)
                {
                    MarcConversionEvent? e = converter.Take(TimeSpan.FromMilliseconds(100));
                    if (e == null) continue;
                    events++;
                    if (e.Kind == MarcConversionEventKind.Completed) completed = true;
                    if (e.Kind == MarcConversionEventKind.WriteFailed || e.Kind == MarcConversionEventKind.Failed) throw e.Exception!;
                }
                if (!completed) throw new InvalidOperationException("The conversion did not complete.");
                converter.Commit();
                summary = converter.Summary;
            }
            sw.Stop();
            var extra = new Dictionary<string, object>
            {
                ["threads"] = threads, ["gen2SizeMB"] = Math.Round(GC.GetGCMemoryInfo(GCKind.Any).GenerationInfo[2].SizeAfterBytes / 1048576.0, 1), ["recordsIn"] = summary.RecordsIn, ["rejected"] = summary.Rejected, ["events"] = events, ["bytesOut"] = summary.BytesOut,
            };
            if (sampler != null) foreach (var kv in sampler.Stop()) extra[kv.Key] = kv.Value;
            Program.PrintResult("convert", summary.RecordsOut, sw.Elapsed.TotalSeconds, extra);
            return 0;
        }

        private static MarcFileConverterOptions Options(int threads, long collectEvery, int collectGeneration)
        {
            var options = new MarcFileConverterOptions { Threads = threads, CollectGeneration = collectGeneration };
            if (collectEvery >= 0) options.CollectEveryBytes = collectEvery;
            return options;
        }

        private static int RunOneThread(string path, string output, MarcFormat fmt)
        {
            long records = 0;
            var sw = Stopwatch.StartNew();
            using (var reader = MarcFileReader.Open(path))
            using (var writer = new MarcFileWriter(MarcFileWriter.ChooseTarget(output, fmt, append: false)))
            {
                MarcReadResult? result;
                while ((result = reader.ReadNext()) != null)
                {
                    if (result.Record == null) continue;
                    writer.Write(MarcEncodingConverter.ToEncoding(result.Record, MarcEncoding.Leader));
                    records++;
                }
                writer.Commit();
            }
            sw.Stop();
            Program.PrintResult("convert-one-thread", records, sw.Elapsed.TotalSeconds, new Dictionary<string, object>());
            return 0;
        }
    }
}
