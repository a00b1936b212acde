using System;
using System.Threading;
using System.Threading.Tasks;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>
    /// The Koha sink of the gateway listener: converts each accepted record to MARCXML, forwards it once through an
    /// <see cref="IKohaImporter"/>, keeps any record Koha did not take in the <see cref="KohaSpool"/> (never lost), and
    /// answers the Connexion client in the daemon's exact words (docs/design/koha-receiver.md).
    /// </summary>
    public sealed class KohaReceiver : IDisposable
    {
        private readonly IKohaImporter _importer;
        private readonly KohaSpool? _spool;
        private readonly Action<string>? _log;
        private long _imported;
        private long _spooled;
        private long _refused;

        public KohaReceiver(IKohaImporter importer, KohaSpool? spool = null, Action<string>? log = null)
        {
            _importer = importer ?? throw new ArgumentNullException(nameof(importer));
            _spool = spool;
            _log = log;
        }

        public long Imported => Interlocked.Read(ref _imported);

        public long Spooled => Interlocked.Read(ref _spooled);

        public long Refused => Interlocked.Read(ref _refused);

        /// <summary>The listener's record handler.</summary>
        public async Task<GatewayListenerVerdict> HandleAsync(GatewayReceivedRecord record, CancellationToken cancellationToken)
        {
            KohaImportOutcome outcome = await ForwardAsync(record.Bytes, cancellationToken).ConfigureAwait(false);
            if (outcome.Kind == KohaImportOutcomeKind.NotDelivered || outcome.Kind == KohaImportOutcomeKind.Unknown)
            {
                string? where = Spool(record.Bytes, outcome);
                Log("record " + record.Sequence + " from " + record.RemoteEndPoint + ": " + outcome.Detail + (where != null ? "; kept in the spool as " + where : "; NOT spooled (no spool folder)"));
            }
            else
            {
                Log("record " + record.Sequence + " from " + record.RemoteEndPoint + ": " + outcome.Detail);
            }
            return GatewayListenerVerdict.WithReply(outcome.IsImported, outcome.ReplyText, outcome.BiblioNumber, outcome.Url);
        }

        /// <summary>Converts and forwards one record; the spool is not touched.</summary>
        public async Task<KohaImportOutcome> ForwardAsync(byte[] iso2709, CancellationToken cancellationToken)
        {
            string? xml = KohaMarcXml.FromIso2709(iso2709);
            if (xml == null)
            {
                Interlocked.Increment(ref _refused);
                return KohaImportOutcome.Refused("the record could not be read").WithReply(KohaReplyText.BadRequest);
            }
            KohaImportOutcome outcome = await _importer.ImportAsync(xml, cancellationToken).ConfigureAwait(false);
            if (outcome.IsImported) Interlocked.Increment(ref _imported);
            else if (outcome.Kind == KohaImportOutcomeKind.Refused) Interlocked.Increment(ref _refused);
            return outcome;
        }

        private string? Spool(byte[] bytes, KohaImportOutcome outcome)
        {
            if (_spool == null) return null;
            try
            {
                string name = _spool.Add(bytes, outcome.Kind == KohaImportOutcomeKind.Unknown ? KohaSpoolState.Unknown : KohaSpoolState.Pending, outcome.Detail);
                Interlocked.Increment(ref _spooled);
                return name;
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException)
            {
                Log("the spool could not keep a record: " + e.Message);
                return null;
            }
        }

        private void Log(string line)
        {
            try { _log?.Invoke(line); } catch (Exception) { }
        }

        public void Dispose() => _importer.Dispose();
    }
}
