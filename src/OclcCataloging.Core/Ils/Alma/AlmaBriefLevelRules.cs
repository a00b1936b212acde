using System;
using System.Collections.Generic;
using OclcCataloging.Marc;

namespace OclcCataloging.Ils.Alma
{
    /// <summary>
    /// Alma brief record levels 01 (briefest) to 10 (full). Alma's levels are rules each institution configures; these
    /// rules map leader/17 (encoding level) to a level, as the published CARLI and CSU tables do, and give a record
    /// without 245 a fixed level (Harvard's and Princeton's 01 "Missing 245"). See docs/design/ils-merge-rules.md.
    /// </summary>
    public sealed class AlmaBriefLevelRules
    {
        public const int Briefest = 1;
        public const int Full = 10;

        private readonly Dictionary<char, int> _byEncodingLevel;

        public AlmaBriefLevelRules(string name, IDictionary<char, int> byEncodingLevel, int unmappedLevel = Briefest, int? missing245Level = Briefest)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            if (byEncodingLevel == null) throw new ArgumentNullException(nameof(byEncodingLevel));
            _byEncodingLevel = new Dictionary<char, int>();
            foreach (var kv in byEncodingLevel)
            {
                CheckLevel(kv.Value, "leader/17 '" + kv.Key + "'");
                _byEncodingLevel[kv.Key] = kv.Value;
            }
            CheckLevel(unmappedLevel, "an unmapped encoding level");
            if (missing245Level.HasValue) CheckLevel(missing245Level.Value, "a record without 245");
            UnmappedLevel = unmappedLevel;
            Missing245Level = missing245Level;
        }

        public string Name { get; }

        /// <summary>The level of a record whose leader/17 is not in the table.</summary>
        public int UnmappedLevel { get; }

        /// <summary>The level of a record without 245, whatever its leader/17; null to use the table alone.</summary>
        public int? Missing245Level { get; }

        public IReadOnlyDictionary<char, int> ByEncodingLevel => _byEncodingLevel;

        public int LevelOf(MarcRecord record)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (Missing245Level.HasValue && record.GetField("245") == null) return Missing245Level.Value;
            return _byEncodingLevel.TryGetValue(record.Leader.EncodingLevel, out int level) ? level : UnmappedLevel;
        }

        /// <summary>CARLI I-Share: 01 u z; 02 5; 03 3; 04 8; 05 7 K; 07 2 4 M; 10 blank 1 I L.</summary>
        public static AlmaBriefLevelRules Carli(int unmappedLevel = Briefest, int? missing245Level = Briefest) =>
            new AlmaBriefLevelRules("Carli", new Dictionary<char, int>
            {
                ['u'] = 1, ['z'] = 1, ['5'] = 2, ['3'] = 3, ['8'] = 4, ['7'] = 5, ['K'] = 5,
                ['2'] = 7, ['4'] = 7, ['M'] = 7, [' '] = 10, ['1'] = 10, ['I'] = 10, ['L'] = 10,
            }, unmappedLevel, missing245Level);

        /// <summary>California State University: 10 blank; 09 I L; 08 1; 07 4; 06 K M; 05 2 7; 04 8; 03 3; 02 5 u z; 01 J.</summary>
        public static AlmaBriefLevelRules Csu(int unmappedLevel = Briefest, int? missing245Level = Briefest) =>
            new AlmaBriefLevelRules("Csu", new Dictionary<char, int>
            {
                [' '] = 10, ['I'] = 9, ['L'] = 9, ['1'] = 8, ['4'] = 7, ['K'] = 6, ['M'] = 6, ['2'] = 5, ['7'] = 5,
                ['8'] = 4, ['3'] = 3, ['5'] = 2, ['u'] = 2, ['z'] = 2, ['J'] = 1,
            }, unmappedLevel, missing245Level);

        private static void CheckLevel(int level, string what)
        {
            if (level < Briefest || level > Full)
                throw new ArgumentOutOfRangeException(nameof(level), level, "The brief level for " + what + " must be between 1 and 10.");
        }
    }
}
