using System;
using System.Collections.Generic;

namespace OclcCataloging.Search.Sru
{
    /// <summary>
    /// Index maps for common SRU servers, by name. Why each index is what it is: docs/design/sru-index-maps.md.
    /// A search index a server has no CQL index for is left out, so its keys fail as Unsupported instead of
    /// searching the wrong index (OCLC numbers in rec.id would search the record's own id).
    /// </summary>
    public static class SruIndexMapPresets
    {
        /// <summary>The generic map used when none is given.</summary>
        public const string DefaultName = "Default";

        /// <summary>Koha's Zebra SRU server with Koha's own CQL mapping (etc/zebradb/pqf.properties).</summary>
        public const string KohaName = "Koha";

        /// <summary>The Library of Congress catalog's SRU gateway (lx2.loc.gov:210/LCDB).</summary>
        public const string LibraryOfCongressName = "LibraryOfCongress";

        /// <summary>A Zebra server configured like the project's test server (tests/peers/zebra).</summary>
        public const string ZebraName = "Zebra";

        private static readonly SruIndexMapPreset[] Presets =
        {
            new SruIndexMapPreset(DefaultName,
                "Bath and Dublin Core names; OCLC and authority record numbers go to rec.id, the record's own id on most servers.",
                SruIndexMap.Default),
            new SruIndexMapPreset(KohaName,
                "Koha (Zebra): bath.isbn, bath.issn, dc.title, dc.creator, dc.subject, bath.personalName, bath.corporateName, cql.serverChoice; "
                + "no CQL index for OCLC numbers (035), LCCNs or authority record numbers (rec.id is the biblionumber).",
                SruIndexMap.Default.With(new Dictionary<SearchIndex, string?>
                {
                    [SearchIndex.OclcNumber] = null,
                    [SearchIndex.Lccn] = null,
                    [SearchIndex.AuthorityRecordNumber] = null,
                    [SearchIndex.PersonalName] = "bath.personalName",
                    [SearchIndex.CorporateName] = "bath.corporateName",
                })),
            new SruIndexMapPreset(LibraryOfCongressName,
                "Library of Congress catalog (Bath profile): bath.isbn, bath.issn, bath.lccn, dc.title, dc.creator, dc.subject, "
                + "bath.personalName, bath.corporateName, cql.serverChoice; no index for OCLC numbers or authority record numbers.",
                SruIndexMap.Default.With(new Dictionary<SearchIndex, string?>
                {
                    [SearchIndex.OclcNumber] = null,
                    [SearchIndex.AuthorityRecordNumber] = null,
                    [SearchIndex.PersonalName] = "bath.personalName",
                    [SearchIndex.CorporateName] = "bath.corporateName",
                })),
            new SruIndexMapPreset(ZebraName,
                "Zebra configured as tests/peers/zebra: local.oclc (035 OCLC numbers), anchored local.heading with local.seeFrom, local.arn.",
                SruIndexMap.Zebra),
        };

        /// <summary>All presets, Default first.</summary>
        public static IReadOnlyList<SruIndexMapPreset> All => Presets;

        /// <summary>The preset named <paramref name="name"/> (case-insensitive), or null.</summary>
        public static SruIndexMapPreset? Find(string name)
        {
            if (name == null) return null;
            string wanted = name.Trim();
            return Array.Find(Presets, p => string.Equals(p.Name, wanted, StringComparison.OrdinalIgnoreCase));
        }
    }
}
