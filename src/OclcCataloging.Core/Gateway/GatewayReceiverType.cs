namespace OclcCataloging.Gateway
{
    /// <summary>Which kind of receiver answers a gateway export; decides how its reply text is read.</summary>
    public enum GatewayReceiverType
    {
        /// <summary>Unknown receiver: the Koha, FOLIO and Alma reply texts are all recognised; anything else is Unknown.</summary>
        Generic = 0,

        /// <summary>Koha's connexion import daemon: <c>Success.  Batch number …</c> or an error text, then NUL, then close.</summary>
        Koha,

        /// <summary>Ex Libris Alma integration port (5500 by convention): <c>… processed successfully</c> with an MMS ID, or <c>Import Failed</c>.</summary>
        Alma,

        /// <summary>FOLIO edge-connexion: <c>Import ok\n\0</c> or <c>Error: …\n\0</c>; never closes the connection.</summary>
        Folio,
    }
}
