using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Bench
{
    /// <summary>
    /// Where the converter's CPU goes: its work on one thread, a batch of 128 records at a time, timed with the
    /// thread's own CPU clock (which other processes' load does not skew): reading (MarcFileReader), serialising
    /// (MarcEncodingConverter and a fragment writer into a buffer, as a serialising thread does) and writing (the
    /// buffer into the file, as the writing thread does). Linux only (clock_gettime).
    /// </summary>
    internal static class ConvertSplitCommand
    {
        private const int Batch = 128;
        private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID

        [StructLayout(LayoutKind.Sequential)]
        private struct TimeSpec
        {
            public long Seconds;
            public long Nanoseconds;
        }

        [DllImport("libc", EntryPoint = "clock_gettime")]
        private static extern int ClockGetTime(int clock, out TimeSpec time);

        private static double ThreadCpu()
        {
            ClockGetTime(ClockThreadCpuTime, out TimeSpec t);
            return t.Seconds + t.Nanoseconds / 1e9;
        }

        public static int Run(string path, string output, string format)
        {
            var fmt = (MarcFormat)Enum.Parse(typeof(MarcFormat), format, ignoreCase: true);
            double read = 0, serialise = 0, write = 0;
            long records = 0;
            var sw = Stopwatch.StartNew();
            var batch = new List<MarcRecord>(Batch);
            byte[] buffer = new byte[64 * 1024];
            using (var reader = MarcFileReader.Open(path))
            using (var writer = new MarcFileWriter(MarcFileWriter.ChooseTarget(output, fmt, append: false)))
            {
                MarcFragmentWriter fragments = writer.CreateFragmentWriter(d => { });
                bool more = true;
                while (more)
                {
                    double t0 = ThreadCpu();
                    batch.Clear();
                    while (batch.Count < Batch)
                    {
                        MarcReadResult? result = reader.ReadNext();
                        if (result == null)
                        {
                            more = false;
                            break;
                        }
                        if (result.Record != null) batch.Add(result.Record);
                    }
                    double t1 = ThreadCpu();
                    fragments.Begin(buffer, records);
                    foreach (MarcRecord r in batch) fragments.Write(MarcEncodingConverter.ToEncoding(r, MarcEncoding.Leader));
                    buffer = fragments.End(out int length);
                    double t2 = ThreadCpu();
                    writer.WriteFragment(buffer, 0, length, batch.Count);
                    double t3 = ThreadCpu();
                    read += t1 - t0;
                    serialise += t2 - t1;
                    write += t3 - t2;
                    records += batch.Count;
                }
                double c0 = ThreadCpu();
                writer.Commit();
                write += ThreadCpu() - c0;
            }
            sw.Stop();
            Program.PrintResult("convert-split", records, sw.Elapsed.TotalSeconds, new Dictionary<string, object>
            {
                ["readCpu"] = Math.Round(read, 3),
                ["serialiseCpu"] = Math.Round(serialise, 3),
                ["writeCpu"] = Math.Round(write, 3),
                ["processCpu"] = Math.Round(Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, 3),
            });
            return 0;
        }
    }
}
