using System.Collections.Generic;
using System.Management.Automation;
using OclcCataloging.Marc;
using OclcCataloging.Marc.Comparison;

namespace OclcCataloging.Commands.Ils
{
    /// <summary>
    /// Builds the index of records to match against (-Existing / -ExistingPath, -ReferenceObject / -ReferencePath):
    /// records given directly, then the files in order. A damaged record in a file is reported as Import-MarcFile
    /// reports it and the rest of the file is still read.
    /// </summary>
    internal static class MatchIndexLoader
    {
        public static RecordMatchIndex Load(PSCmdlet cmdlet, IEnumerable<MarcRecord>? records, IEnumerable<string>? paths, List<MarcRecord> all, int maxWarnings)
        {
            var index = new RecordMatchIndex();
            if (records != null)
            {
                foreach (MarcRecord r in records)
                {
                    if (r == null) continue;
                    index.Add(r);
                    all.Add(r);
                }
            }
            if (paths != null)
            {
                foreach (string p in paths)
                {
                    foreach (string file in ProviderPaths.ResolveInputFiles(cmdlet, p, literal: false))
                    {
                        new MarcFileInput(cmdlet, rejects: null, offersRejectPath: false) { MaxWarnings = maxWarnings }.Read(file, MarcFormat.Auto, MarcEncoding.Leader, r =>
                        {
                            index.Add(r);
                            all.Add(r);
                        });
                    }
                }
            }
            if (index.DuplicateKeys.Count > 0)
            {
                cmdlet.WriteWarning(index.DuplicateKeys.Count + " OCLC or control numbers belong to more than one of the records to match against (first: "
                    + index.DuplicateKeys[0] + "); the first record with a number is the one matched.");
            }
            return index;
        }
    }
}
