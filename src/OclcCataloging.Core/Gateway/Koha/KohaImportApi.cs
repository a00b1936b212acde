using System;
using OclcCataloging.Ils.Koha;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>Which way records go into Koha (docs/design/koha-receiver.md §4).</summary>
    public enum KohaImportApi
    {
        /// <summary>The staff interface's svc/import_bib, as connexion_import_daemon.pl uses it.</summary>
        ImportBib = 0,

        /// <summary>The REST API, /api/v1/biblios.</summary>
        Rest,
    }

    /// <summary>Builds the importer for a <see cref="KohaImportApi"/>.</summary>
    public static class KohaImporters
    {
        /// <summary><paramref name="csrfLogin"/>: false for a Koha older than 24.05 (svc/import_bib only).</summary>
        public static IKohaImporter Create(KohaImportApi api, KohaConnection connection, KohaImportFields fields, bool csrfLogin = true)
        {
            switch (api)
            {
                case KohaImportApi.ImportBib: return new KohaSvcImporter(connection, fields, csrfLogin);
                case KohaImportApi.Rest: return new KohaRestImporter(connection, fields);
                default: throw new ArgumentOutOfRangeException(nameof(api), api, null);
            }
        }
    }
}
