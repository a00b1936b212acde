using System;
using System.Collections.Generic;
using System.Text;

namespace OclcCataloging.DataSync.FileNames
{
    /// <summary>
    /// Checks an upload file name against OCLC's naming rules (docs/design/data-sync.md):
    /// <c>1234567.SYMBOL[.element...].mrc</c>. Decisions taken (docs/design/data-sync.md): 9 (an extension other than mrc/xml/csv is
    /// an error unless allowed), 10 (raw @ $ # warn), 11 (inner dash/underscore warn), 12 (lower-case symbol warns).
    /// </summary>
    public static class DataSyncFileNameValidator
    {
        /// <summary>The extensions OCLC's data sync pages name.</summary>
        public static readonly string[] StandardExtensions = { "mrc", "xml", "csv" };

        /// <summary>Checks <paramref name="name"/> (a file name, not a path).</summary>
        public static DataSyncFileNameTest Test(string name, bool allowOtherExtensions = false)
        {
            if (name == null) throw new ArgumentNullException(nameof(name));
            var result = new DataSyncFileNameTest(name);
            if (name.Length == 0)
            {
                result.Errors.Add(Error(DataSyncFileNameRules.CollectionId, "The name is empty."));
                return result;
            }

            char first = name[0];
            if (first == '.' || first == '-' || first == '_')
                result.Errors.Add(Error(DataSyncFileNameRules.LeadingCharacter, "The name starts with '" + first + "'; periods, dashes and underscores are not allowed at the beginning."));

            var disallowed = new StringBuilder();
            bool control = false;
            foreach (char c in name)
            {
                if (IsAsciiLetterOrDigit(c) || c == '.' || c == '-' || c == '_') continue;
                if (c == '@' || c == '$' || c == '#') { control = true; continue; }
                if (disallowed.ToString().IndexOf(c) < 0) disallowed.Append(c);
            }
            if (disallowed.Length > 0)
            {
                result.Errors.Add(Error(DataSyncFileNameRules.DisallowedCharacter,
                    "The name contains " + Describe(disallowed.ToString()) + "; only letters A-Z, digits and periods are allowed (no spaces)."));
            }
            if (control)
            {
                result.Warnings.Add(Warning(DataSyncFileNameRules.ControlCharacter,
                    "The name contains @, $ or #; OCLC converts them to _64, _36 and _35. Write the converted form (EL_36 for EL$)."));
            }

            string[] parts = name.Split('.');
            if (Array.IndexOf(parts, string.Empty) >= 0 && !(first == '.'))
                result.Errors.Add(Error(DataSyncFileNameRules.EmptyElement, "The name has an empty element (two periods in a row, or a period at the end)."));

            if (parts.Length > 0 && IsCollectionId(parts[0])) result.CollectionId = parts[0];
            else result.Errors.Add(Error(DataSyncFileNameRules.CollectionId,
                "The first element '" + (parts.Length > 0 ? parts[0] : string.Empty) + "' is not the 7-digit data sync collection ID."));

            if (parts.Length >= 3 && parts[1].Length > 0)
            {
                result.Symbol = parts[1];
                result.InstitutionSymbol = DataSyncSymbol.Decode(parts[1]);
                if (IsCollectionId(parts[1]) || !HasLetter(parts[1]))
                    result.Errors.Add(Error(DataSyncFileNameRules.Symbol, "The second element '" + parts[1] + "' is not an OCLC institution symbol."));
                else if (parts[1] != parts[1].ToUpperInvariant())
                    result.Warnings.Add(Warning(DataSyncFileNameRules.LowerCaseSymbol, "The symbol '" + parts[1] + "' is not in upper case; OCLC symbols are upper case."));
            }
            else
            {
                result.Errors.Add(Error(DataSyncFileNameRules.Symbol, "The name has no OCLC institution symbol as its second element (collectionID.SYMBOL.ext)."));
            }

            if (parts.Length >= 2)
            {
                string ext = parts[parts.Length - 1];
                result.Extension = ext;
                if (Array.IndexOf(StandardExtensions, ext.ToLowerInvariant()) < 0 && !allowOtherExtensions)
                    result.Errors.Add(Error(DataSyncFileNameRules.Extension, "The extension '." + ext + "' is not .mrc, .xml or .csv."));
            }
            else
            {
                result.Errors.Add(Error(DataSyncFileNameRules.Extension, "The name has no extension (.mrc, .xml or .csv)."));
            }

            if (parts.Length > 3)
            {
                var middle = new string[parts.Length - 3];
                Array.Copy(parts, 2, middle, 0, middle.Length);
                result.Elements = middle;
            }

            // Decision 11: dash/underscore inside the name warns, except the converted control characters.
            string stripped = name.Length > 0 ? name.Substring(1) : name;
            stripped = stripped.Replace("_64", string.Empty).Replace("_36", string.Empty).Replace("_35", string.Empty);
            if (stripped.IndexOf('-') >= 0 || stripped.IndexOf('_') >= 0)
                result.Warnings.Add(Warning(DataSyncFileNameRules.InternalDashOrUnderscore,
                    "The name contains a dash or underscore; OCLC's rules forbid non-alphanumeric characters but name only the beginning. Use periods to separate elements."));
            return result;
        }

        /// <summary>The file name of <paramref name="path"/> (after the last / or \\), the name itself when it has no folder.</summary>
        public static string FileNameOf(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            int slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            return slash >= 0 ? path.Substring(slash + 1) : path;
        }

        internal static bool IsCollectionId(string s) => s.Length == 7 && AllDigits(s);

        internal static bool AllDigits(string s)
        {
            foreach (char c in s) if (c < '0' || c > '9') return false;
            return s.Length > 0;
        }

        internal static bool IsAsciiLetterOrDigit(char c) => (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

        private static bool HasLetter(string s)
        {
            foreach (char c in s) if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) return true;
            return false;
        }

        private static string Describe(string chars)
        {
            var parts = new List<string>();
            foreach (char c in chars) parts.Add(c == ' ' ? "a space" : "'" + c + "'");
            return string.Join(", ", parts.ToArray());
        }

        private static DataSyncFinding Error(string rule, string message) => new DataSyncFinding(rule, FindingSeverity.Error, null, null, message);

        private static DataSyncFinding Warning(string rule, string message) => new DataSyncFinding(rule, FindingSeverity.Warning, null, null, message);
    }
}
