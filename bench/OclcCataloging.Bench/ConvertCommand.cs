using System;
using System.Collections.Generic;
using System.Diagnostics;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Conversion;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Bench
{
    /// <summary>The core of Convert-MarcFile without PowerShell: MarcFileConverter from FILE into the real file OUT.</summary>
    internal static class ConvertCommand
    {
        public static int Run(string path, string output, string format)
        {
            var fmt = (MarcFormat)Enum.Parse(typeof(MarcFormat), format, ignoreCase: true);
            long events = 0;
            var sw = Stopwatch.StartNew();
            MarcConversionSummary summary;
            using (var converter = new MarcFileConverter(new[] { path }, MarcFileWriter.ChooseTarget(output, fmt, append: false)))
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
            Program.PrintResult("convert", summary.RecordsOut, sw.Elapsed.TotalSeconds, new Dictionary<string, object>
            {
                ["recordsIn"] = summary.RecordsIn, ["rejected"] = summary.Rejected, ["events"] = events, ["bytesOut"] = summary.BytesOut,
            });
            return 0;
        }
    }
}
