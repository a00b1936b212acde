using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace OclcCataloging.DataSync.FileNames
{
    /// <summary>
    /// Builds upload file names OCLC accepts (docs/design/data-sync.md):
    /// <c>collectionId.SYMBOL[.description...][.Dyyyymmdd.Thhmmss][.sequence].ext</c>. The symbol is written in upper
    /// case with @ $ # converted to _64 _36 _35 (decision 10, docs/design/data-sync.md); descriptions must be letters and digits only
    /// (decision 11: the generator never emits dashes or underscores); the extension is mrc, xml or csv (decision 9).
    /// Every name it builds passes <see cref="DataSyncFileNameValidator"/> with no errors and no warnings.
    /// </summary>
    public static class DataSyncFileNameBuilder
    {
        private static readonly object Gate = new object();
        private static DateTime _lastStamp = DateTime.MinValue;

        /// <summary>Builds a name. <paramref name="timestamp"/> adds D/T elements; <paramref name="sequence"/> adds a sequence number.</summary>
        public static string Build(string collectionId, string symbol, IEnumerable<string>? description, string extension,
            DateTime? timestamp = null, int? sequence = null)
            => BuildCore(collectionId, symbol, description, extension, timestamp.HasValue ? UniqueStamp(timestamp.Value) : (DateTime?)null, sequence);

        /// <summary>As <see cref="Build"/>, with the time stamp written exactly as given (already made unique by the caller).</summary>
        internal static string BuildCore(string collectionId, string symbol, IEnumerable<string>? description, string extension,
            DateTime? timestamp, int? sequence)
        {
            collectionId = (collectionId ?? string.Empty).Trim();
            if (!DataSyncFileNameValidator.IsCollectionId(collectionId))
                throw new DataSyncFileNameException(DataSyncFileNameRules.CollectionId,
                    "The collection ID '" + collectionId + "' is not the 7-digit number Collection Manager shows for the collection.", nameof(collectionId));

            string sym = (symbol ?? string.Empty).Trim();
            if (sym.Length == 0)
                throw new DataSyncFileNameException(DataSyncFileNameRules.Symbol, "The OCLC institution symbol is empty.", nameof(symbol));
            foreach (char c in sym)
            {
                if (!DataSyncFileNameValidator.IsAsciiLetterOrDigit(c) && c != '@' && c != '$' && c != '#')
                    throw new DataSyncFileNameException(DataSyncFileNameRules.Symbol,
                        "The symbol '" + symbol + "' contains '" + c + "'; OCLC symbols are letters and digits (plus @, $ or #).", nameof(symbol));
            }
            sym = DataSyncSymbol.Encode(sym.ToUpperInvariant());

            string ext = (extension ?? string.Empty).Trim().TrimStart('.').ToLowerInvariant();
            if (Array.IndexOf(DataSyncFileNameValidator.StandardExtensions, ext) < 0)
                throw new DataSyncFileNameException(DataSyncFileNameRules.Extension, "The extension '" + extension + "' is not mrc, xml or csv.", nameof(extension));

            var sb = new StringBuilder(64);
            sb.Append(collectionId).Append('.').Append(sym);
            if (description != null)
            {
                foreach (string d in description)
                {
                    string part = (d ?? string.Empty).Trim();
                    if (part.Length == 0) continue;
                    foreach (string element in part.Split('.'))
                    {
                        if (element.Length == 0)
                            throw new DataSyncFileNameException(DataSyncFileNameRules.EmptyElement, "The description '" + d + "' has an empty element (two periods in a row).", nameof(description));
                        foreach (char c in element)
                        {
                            if (DataSyncFileNameValidator.IsAsciiLetterOrDigit(c)) continue;
                            string rule = c == '-' || c == '_' ? DataSyncFileNameRules.InternalDashOrUnderscore
                                : c == '@' || c == '$' || c == '#' ? DataSyncFileNameRules.ControlCharacter
                                : DataSyncFileNameRules.DisallowedCharacter;
                            throw new DataSyncFileNameException(rule,
                                "The description '" + d + "' contains " + (c == ' ' ? "a space" : "'" + c + "'") + "; use letters A-Z and digits only, and periods between elements.", nameof(description));
                        }
                        sb.Append('.').Append(element);
                    }
                }
            }
            if (timestamp.HasValue)
            {
                DateTime t = timestamp.Value;
                sb.Append(".D").Append(t.ToString("yyyyMMdd", CultureInfo.InvariantCulture))
                  .Append(".T").Append(t.ToString("HHmmss", CultureInfo.InvariantCulture));
            }
            if (sequence.HasValue)
            {
                if (sequence.Value < 1)
                    throw new DataSyncFileNameException(DataSyncFileNameRules.EmptyElement, "The sequence number must be 1 or more.", nameof(sequence));
                sb.Append('.').Append(sequence.Value.ToString(CultureInfo.InvariantCulture));
            }
            sb.Append('.').Append(ext);
            return sb.ToString();
        }

        /// <summary>
        /// Truncates to whole seconds and, within this process, never returns the same second twice: a second
        /// call in the same second (or up to a minute behind the last one issued) gets the next second, so names built with a time stamp are unique per call
        /// ("If you send multiple files with the same name in the same day, only the last one ... processed").
        /// </summary>
        internal static DateTime UniqueStamp(DateTime requested)
        {
            var t = new DateTime(requested.Ticks - requested.Ticks % TimeSpan.TicksPerSecond, requested.Kind);
            lock (Gate)
            {
                if (t <= _lastStamp && _lastStamp - t < TimeSpan.FromMinutes(1)) t = _lastStamp.AddSeconds(1);
                _lastStamp = t;
            }
            return t;
        }
    }
}
