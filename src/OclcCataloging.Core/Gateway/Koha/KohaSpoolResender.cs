using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>The result of resending one spooled record.</summary>
    public sealed class KohaSpoolResendResult
    {
        internal KohaSpoolResendResult(KohaSpoolEntry entry, KohaSpoolState? stateAfter, KohaImportOutcome? outcome)
        {
            Entry = entry;
            StateAfter = stateAfter;
            Outcome = outcome;
        }

        /// <summary>The entry as it was before the resend.</summary>
        public KohaSpoolEntry Entry { get; }

        public string Name => Entry.Name;

        /// <summary>Where it is now; null when Koha took it and it left the spool.</summary>
        public KohaSpoolState? StateAfter { get; }

        public KohaImportOutcome? Outcome { get; }

        public KohaImportOutcomeKind? Kind => Outcome?.Kind;

        public string? BiblioNumber => Outcome?.BiblioNumber;

        public string? Detail => Outcome?.Detail;
    }

    /// <summary>
    /// Sends the pending records of a <see cref="KohaSpool"/> again, oldest first, each at most once per run: moved to
    /// in-flight before sending, removed when Koha took it, back to pending (and the run stops) when Koha is still
    /// unreachable, to unknown when the answer is missing. Unknown records are never sent (docs/design/koha-receiver.md §5).
    /// </summary>
    public sealed class KohaSpoolResender
    {
        private readonly KohaSpool _spool;
        private readonly KohaReceiver _receiver;

        public KohaSpoolResender(KohaSpool spool, KohaReceiver receiver)
        {
            _spool = spool ?? throw new ArgumentNullException(nameof(spool));
            _receiver = receiver ?? throw new ArgumentNullException(nameof(receiver));
        }

        public async Task ResendAsync(Func<KohaSpoolEntry, bool> shouldSend, Action<KohaSpoolResendResult> onResult, CancellationToken cancellationToken)
        {
            _spool.RecoverInFlight();
            foreach (KohaSpoolEntry pending in _spool.List(KohaSpoolState.Pending))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!shouldSend(pending)) continue;
                KohaSpoolEntry inFlight;
                try
                {
                    inFlight = _spool.Move(pending, KohaSpoolState.InFlight);
                }
                catch (FileNotFoundException)
                {
                    continue; // another resend took it
                }
                byte[] bytes = File.ReadAllBytes(inFlight.Path);
                KohaImportOutcome outcome = await _receiver.ForwardAsync(bytes, CancellationToken.None).ConfigureAwait(false);
                switch (outcome.Kind)
                {
                    case KohaImportOutcomeKind.Imported:
                        _spool.Remove(inFlight);
                        onResult(new KohaSpoolResendResult(pending, null, outcome));
                        break;
                    case KohaImportOutcomeKind.Refused:
                        _spool.Move(inFlight, KohaSpoolState.Refused, outcome.Detail);
                        onResult(new KohaSpoolResendResult(pending, KohaSpoolState.Refused, outcome));
                        break;
                    case KohaImportOutcomeKind.Unknown:
                        _spool.Move(inFlight, KohaSpoolState.Unknown, outcome.Detail);
                        onResult(new KohaSpoolResendResult(pending, KohaSpoolState.Unknown, outcome));
                        break;
                    default:
                        _spool.Move(inFlight, KohaSpoolState.Pending);
                        onResult(new KohaSpoolResendResult(pending, KohaSpoolState.Pending, outcome));
                        return; // Koha is still unreachable: the rest waits for the next run
                }
            }
        }
    }
}
