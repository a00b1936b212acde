namespace OclcCataloging.Connections
{
    /// <summary>What a saved connection profile connects to.</summary>
    public enum ConnectionKind
    {
        /// <summary>The WorldCat Metadata/Search API (OAuth client id and secret).</summary>
        WorldCat,

        /// <summary>An SRU server (a library catalogue or union catalogue).</summary>
        Sru,

        /// <summary>The Library of Congress linked data service (id.loc.gov).</summary>
        IdLoc,

        /// <summary>A Connexion gateway export receiver (Koha, Alma, FOLIO or another ILS).</summary>
        Gateway,

        /// <summary>OCLC's file exchange server over SFTP (data sync uploads, output files and reports).</summary>
        Sftp,
    }
}
