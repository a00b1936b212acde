namespace OclcCataloging.Marc.Mrk
{
    /// <summary>
    /// Recognises what the MarcEdit text reader made of text that is not MarcEdit text at all ("hello world"): no
    /// =LDR line and not one field line. Such a "record" is a default leader and nothing else, so callers report the
    /// text as an error instead of passing on an empty record.
    /// </summary>
    public static class MrkNonRecord
    {
        public static bool IsNonRecord(MarcRecord record)
        {
            if (record.Fields.Count != 0) return false;
            foreach (MarcDiagnostic d in record.Warnings)
            {
                if (d.Code == MarcDiagnosticCodes.InvalidLeader) return true;
            }
            return false;
        }

        /// <summary>The reader's first complaint about a line ("The line 'hello world' is not a field …"), or null.</summary>
        public static string? FirstInvalidLine(MarcRecord record)
        {
            foreach (MarcDiagnostic d in record.Warnings)
            {
                if (d.Code == MarcDiagnosticCodes.MrkInvalidLine) return d.Message;
            }
            return null;
        }
    }
}
