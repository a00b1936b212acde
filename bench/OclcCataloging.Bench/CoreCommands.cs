using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Validation;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Bench
{
    /// <summary>The timed commands over the core readers and writers (default options, as the cmdlets use them).</summary>
    internal static class CoreCommands
    {
        private const int FileBufferSize = 1 << 16;

        public static IMarcWriter CreateIso2709Writer(Stream stream) => new Iso2709Writer(stream, new Iso2709WriterOptions { LeaveOpen = true });

        private static FileStream OpenInput(string path) =>
            new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);

        // /dev/null is opened as a real file (not Stream.Null) so the write calls cost what they cost yaz.
        private static Stream OpenOutput(string path) =>
            new FileStream(path, path == "/dev/null" ? FileMode.Open : FileMode.Create, FileAccess.Write, FileShare.ReadWrite, FileBufferSize);

        /// <summary>
        /// Reads every record. Shallow: count records and fields (Fields.Count) only. Deep: also decode every
        /// control field value and every subfield value to a string (what Perl MARC::Batch always does).
        /// </summary>
        public static int Parse(string path, bool deep)
        {
            long records = 0, fields = 0, subfields = 0, chars = 0, errors = 0, warnings = 0;
            var sw = Stopwatch.StartNew();
            using (var input = OpenInput(path))
            using (var reader = new Iso2709Reader(input, path))
            {
                MarcReadResult? result;
                while ((result = reader.ReadNext()) != null)
                {
                    MarcRecord? record = result.Record;
                    if (record == null)
                    {
                        errors++;
                        continue;
                    }
                    records++;
                    if (record.HasWarnings) warnings++;
                    FieldCollection fs = record.Fields;
                    fields += fs.Count;
                    if (!deep) continue;
                    for (int i = 0; i < fs.Count; i++)
                    {
                        if (fs[i] is DataField d)
                        {
                            SubfieldCollection subs = d.Subfields;
                            for (int j = 0; j < subs.Count; j++)
                            {
                                chars += subs[j].Value.Length;
                                subfields++;
                            }
                        }
                        else
                        {
                            chars += ((ControlField)fs[i]).Value.Length;
                        }
                    }
                }
            }
            sw.Stop();
            var extra = new Dictionary<string, object> { ["fields"] = fields, ["errors"] = errors, ["recordsWithWarnings"] = warnings };
            if (deep)
            {
                extra["subfields"] = subfields;
                extra["characters"] = chars;
            }
            Program.PrintResult(deep ? "parse-deep" : "parse", records, sw.Elapsed.TotalSeconds, extra);
            return 0;
        }

        /// <summary>
        /// Reads every record and validates it at <see cref="ValidationLevel.Full"/>, counting findings per rule: the
        /// validator's own cost, without PowerShell (compare with the Test-MarcRecord row and MARC::Lint).
        /// </summary>
        public static int Validate(string path)
        {
            var validator = new MarcValidator(new MarcValidationOptions { Level = ValidationLevel.Full });
            var summary = new MarcValidationSummary();
            long errors = 0;
            var sw = Stopwatch.StartNew();
            using (var input = OpenInput(path))
            using (var reader = new Iso2709Reader(input, path))
            {
                MarcReadResult? result;
                while ((result = reader.ReadNext()) != null)
                {
                    if (result.Record == null)
                    {
                        errors++;
                        continue;
                    }
                    summary.Add(validator.Validate(result.Record, summary.Records + 1));
                }
            }
            sw.Stop();
            var byRule = new System.Text.StringBuilder();
            foreach (KeyValuePair<string, int> kv in summary.FindingsByRule) byRule.Append(byRule.Length == 0 ? "" : " ").Append(kv.Key).Append('=').Append(kv.Value);
            var extra = new Dictionary<string, object>
            {
                ["errors"] = errors, ["validRecords"] = summary.ValidRecords, ["findingErrors"] = summary.Errors,
                ["findingWarnings"] = summary.Warnings, ["findingInfos"] = summary.Infos, ["findingsByRule"] = byRule.ToString(),
            };
            Program.PrintResult("validate", summary.Records, sw.Elapsed.TotalSeconds, extra);
            return 0;
        }

        /// <summary>ISO 2709 -> MARCXML (xml) or ISO 2709 -> ISO 2709 with the core writers' default options.</summary>
        public static int Convert(string path, string output, bool xml)
        {
            long records = 0, errors = 0;
            var sw = Stopwatch.StartNew();
            using (var input = OpenInput(path))
            using (var reader = new Iso2709Reader(input, path))
            using (var outStream = OpenOutput(output))
            {
                IMarcWriter writer = xml
                    ? new MarcXmlWriter(outStream, new MarcXmlWriterOptions { LeaveOpen = true })
                    : new Iso2709Writer(outStream, new Iso2709WriterOptions { LeaveOpen = true });
                using (writer)
                {
                    MarcReadResult? result;
                    while ((result = reader.ReadNext()) != null)
                    {
                        if (result.Record == null)
                        {
                            errors++;
                            continue;
                        }
                        writer.Write(result.Record);
                        records++;
                    }
                    writer.Complete();
                }
                outStream.Flush();
            }
            sw.Stop();
            Program.PrintResult(xml ? "toxml" : "tomarc", records, sw.Elapsed.TotalSeconds, new Dictionary<string, object> { ["errors"] = errors });
            return 0;
        }
    }
}
