using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>The result of resending (or not resending) one spooled record.</summary>
    public sealed class KohaSpoolResendResult
    {
        internal KohaSpoolResendResult(KohaSpoolEntry entry, KohaSpoolState? stateAfter, KohaImportOutcome? outcome, bool sent = true, string? note = null)
        {
            Entry = entry;
            StateAfter = stateAfter;
            Outcome = outcome;
            Sent = sent;
            Note = note;
        }

        /// <summary>The entry as it was before the resend.</summary>
        public KohaSpoolEntry Entry { get; }

        public string Name => Entry.Name;

        /// <summary>Where it is now; null when Koha took it and it left the spool.</summary>
        public KohaSpoolState? StateAfter { get; }

        public KohaImportOutcome? Outcome { get; }

        /// <summary>False for a record that was reported but not sent (its outcome was already unknown, or the run stopped first).</summary>
        public bool Sent { get; }

        /// <summary>Imported, Refused, NotDelivered or Unknown; a record kept unsent because its earlier outcome is unknown is Unknown.</summary>
        public KohaImportOutcomeKind Kind => Outcome?.Kind ?? (StateAfter == KohaSpoolState.Pending ? KohaImportOutcomeKind.NotDelivered : KohaImportOutcomeKind.Unknown);

        public string? BiblioNumber => Outcome?.BiblioNumber;

        public string? Detail => Outcome?.Detail ?? Note;

        private string? Note { get; }

        public override string ToString() => Name + ": " + Kind + (Detail != null ? " (" + Detail + ")" : "");
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

        /// <summary>Records a stopped resend left in flight become unknown; returns how many.</summary>
        public int Recover() => _spool.RecoverInFlight();

        /// <summary>The pending records, oldest first (call <see cref="Recover"/> first).</summary>
        public IReadOnlyList<KohaSpoolEntry> Pending() => _spool.List(KohaSpoolState.Pending);

        /// <summary>The records whose outcome is unknown: reported, never sent.</summary>
        public IReadOnlyList<KohaSpoolResendResult> Unknown()
        {
            var list = new List<KohaSpoolResendResult>();
            foreach (KohaSpoolEntry e in _spool.List(KohaSpoolState.Unknown))
                list.Add(new KohaSpoolResendResult(e, KohaSpoolState.Unknown, null, sent: false,
                    note: "kept, not sent: it may already be in Koha (check Koha, then move it to " + _spool.StateFolder(KohaSpoolState.Pending) + " to send it)"));
            return list;
        }

        /// <summary>A pending record reported as not sent (the run stopped or it was skipped).</summary>
        public static KohaSpoolResendResult NotSent(KohaSpoolEntry entry, string why) =>
            new KohaSpoolResendResult(entry, entry.State, null, sent: false, note: why);

        /// <summary>Sends one pending record; null when another resend took it first.</summary>
        public async Task<KohaSpoolResendResult?> ResendOneAsync(KohaSpoolEntry pending, CancellationToken cancellationToken)
        {
            KohaSpoolEntry inFlight;
            try
            {
                inFlight = _spool.Move(pending, KohaSpoolState.InFlight);
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            byte[] bytes = File.ReadAllBytes(inFlight.Path);
            // Not cancelled once sent: a cancelled send would leave the outcome unknown.
            KohaImportOutcome outcome = await _receiver.ForwardAsync(bytes, CancellationToken.None).ConfigureAwait(false);
            switch (outcome.Kind)
            {
                case KohaImportOutcomeKind.Imported:
                    _spool.Remove(inFlight);
                    return new KohaSpoolResendResult(pending, null, outcome);
                case KohaImportOutcomeKind.Refused:
                    _spool.Move(inFlight, KohaSpoolState.Refused, outcome.Detail);
                    return new KohaSpoolResendResult(pending, KohaSpoolState.Refused, outcome);
                case KohaImportOutcomeKind.Unknown:
                    _spool.Move(inFlight, KohaSpoolState.Unknown, outcome.Detail);
                    return new KohaSpoolResendResult(pending, KohaSpoolState.Unknown, outcome);
                default:
                    _spool.Move(inFlight, KohaSpoolState.Pending);
                    return new KohaSpoolResendResult(pending, KohaSpoolState.Pending, outcome);
            }
        }

        public async Task ResendAsync(Func<KohaSpoolEntry, bool> shouldSend, Action<KohaSpoolResendResult> onResult, CancellationToken cancellationToken)
        {
            Recover();
            foreach (KohaSpoolEntry pending in Pending())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!shouldSend(pending)) continue;
                KohaSpoolResendResult? result = await ResendOneAsync(pending, cancellationToken).ConfigureAwait(false);
                if (result == null) continue;
                onResult(result);
                if (result.Kind == KohaImportOutcomeKind.NotDelivered) return; // Koha is still unreachable: the rest waits for the next run
            }
        }
    }
}
