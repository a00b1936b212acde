namespace OclcCataloging.Connections
{
    /// <summary>
    /// The keys of <see cref="ConnectionProfile.Settings"/>. Values are stored as invariant-culture text; the kinds
    /// that use each key are noted.
    /// </summary>
    public static class ConnectionSettingNames
    {
        /// <summary>WorldCat API base, SRU server or id.loc.gov base address (absolute URI).</summary>
        public const string BaseAddress = "BaseAddress";

        /// <summary>WorldCat: the OAuth token endpoint.</summary>
        public const string TokenAddress = "TokenAddress";

        /// <summary>WorldCat: the OAuth scope(s) requested.</summary>
        public const string Scope = "Scope";

        /// <summary>WorldCat: the record format requested (e.g. MARCXML).</summary>
        public const string RecordFormat = "RecordFormat";

        /// <summary>WorldCat: the largest number of requests per second (decimal number).</summary>
        public const string RequestsPerSecond = "RequestsPerSecond";

        /// <summary>WorldCat: the largest number of requests per day (integer).</summary>
        public const string DailyBudget = "DailyBudget";

        /// <summary>SRU: protocol version 1.1, 1.2 or 2.0.</summary>
        public const string SruVersion = "SruVersion";

        /// <summary>SRU: the record schema requested (e.g. marcxml).</summary>
        public const string RecordSchema = "RecordSchema";

        /// <summary>id.loc.gov: Names, Subjects or All.</summary>
        public const string Scheme = "Scheme";

        /// <summary>Gateway: the receiver's host name or address.</summary>
        public const string ComputerName = "ComputerName";

        /// <summary>Gateway: the receiver's TCP port (integer).</summary>
        public const string Port = "Port";

        /// <summary>Gateway: Koha, Alma, Folio or Generic.</summary>
        public const string ReceiverType = "ReceiverType";

        /// <summary>Gateway: the ILS user id sent with exports (not the logon).</summary>
        public const string UserId = "UserId";

        /// <summary>Sftp: the server's pinned SHA-256 host key fingerprint (SHA256:...).</summary>
        public const string HostKeyFingerprint = "HostKeyFingerprint";

        /// <summary>Sftp: the private key file to authenticate with; the connection's secret, when saved, is its passphrase.</summary>
        public const string PrivateKeyPath = "PrivateKeyPath";

        /// <summary>The user name and secret; kept in <see cref="ConnectionProfile.UserName"/> and the protected secret, not in Settings.</summary>
        public const string Credential = "Credential";

        /// <summary>SRU: the index map; kept in <see cref="ConnectionProfile.IndexMap"/>, not in Settings.</summary>
        public const string IndexMap = "IndexMap";
    }
}
