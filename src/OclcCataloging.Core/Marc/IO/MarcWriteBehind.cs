using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// Serialises and writes records on a thread of its own, in the order they were handed over by
    /// <see cref="Write"/>. What must be reported about a record (writer warnings, a record that cannot be
    /// written, a failure that ends writing) comes back to the caller's thread in record order through
    /// <see cref="TryTakeOutcome"/>; <see cref="Flush"/> waits until everything handed over is written, so the caller
    /// can put the outcomes of earlier records before anything else it reports. Records wait in a queue bounded by
    /// <see cref="MarcQueueLimits"/> (records and bytes). <see cref="Complete"/> ends writing normally;
    /// <see cref="Dispose"/> stops the thread and waits for it. The writer belongs to the thread from
    /// <see cref="Start"/> until <see cref="Complete"/> or <see cref="Dispose"/> returns. See docs/design/marc-pipeline.md.
    /// </summary>
    public sealed class MarcWriteBehind : IDisposable
    {
        private readonly Action<MarcRecord> _write;
        private readonly MarcQueueLimits _limits;
        private readonly BlockingCollection<Batch> _batches;
        private readonly ConcurrentQueue<Batch> _free = new ConcurrentQueue<Batch>();
        private readonly ConcurrentQueue<MarcWriteOutcome> _outcomes = new ConcurrentQueue<MarcWriteOutcome>();
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly object _progress = new object();
        private Batch _filling;
        private long _fillingBytes;
        private long _handedOver;   // records handed to the thread (caller's thread only)
        private long _written;      // records the thread is done with (under _progress)
        private bool _finished;     // the thread has ended (under _progress)
        private volatile bool _failed;
        private Thread? _thread;
        private bool _writing;      // the thread is inside the write callback
        private List<MarcDiagnostic>? _currentWarnings;
        private bool _completed;
        private bool _disposed;

        /// <param name="write">Writes one record (e.g. <see cref="MarcFileWriter.Write"/>); called only on the writing thread.
        /// Its <see cref="MarcWriteException"/> and <see cref="MarcEncodingException"/> refuse one record; any other exception ends writing.</param>
        /// <param name="limits">Queue bounds; null for defaults.</param>
        public MarcWriteBehind(Action<MarcRecord> write, MarcQueueLimits? limits = null)
        {
            _write = write ?? throw new ArgumentNullException(nameof(write));
            _limits = limits ?? new MarcQueueLimits();
            _batches = new BlockingCollection<Batch>(_limits.InFlight);
            _filling = new Batch(_limits.Records);
        }

        /// <summary>True once writing has ended early (a failure); records handed over after it are dropped.</summary>
        public bool HasFailed => _failed;

        /// <summary>True while the writing thread runs.</summary>
        internal bool IsRunning => _thread?.IsAlive == true;

        /// <summary>Starts the writing thread.</summary>
        public void Start()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(MarcWriteBehind));
            if (_thread != null) throw new InvalidOperationException("Writing was already started.");
            _thread = MarcThreadingPolicy.StartThread(WriteAll, "MARC write-behind");
        }

        /// <summary>
        /// Hands <paramref name="output"/> over for writing; waits while the queue is full.
        /// </summary>
        /// <param name="output">The record to write.</param>
        /// <param name="record">The record its outcome names (the one received, before any conversion).</param>
        /// <param name="number">The record's number in the caller's count, for its outcome.</param>
        /// <param name="warnings">Warnings the caller already has for the record (reported before the writer's), or null.</param>
        [MethodImpl(Iso2709Constants.HotPath)]
        public void Write(MarcRecord output, MarcRecord record, long number, IReadOnlyList<MarcDiagnostic>? warnings)
        {
            if (output == null) throw new ArgumentNullException(nameof(output));
            if (record == null) throw new ArgumentNullException(nameof(record));
            if (_thread == null) throw new InvalidOperationException("Writing has not been started.");
            if (_completed) throw new InvalidOperationException("Writing was already completed.");
            if (_failed || _cancel.IsCancellationRequested) return;
            _filling.Items[_filling.Count++] = new Item(output, record, number, warnings);
            _fillingBytes += Math.Max(1, output.Origin?.ByteLength ?? 0);
            if (_filling.Count == _filling.Items.Length || _fillingBytes >= _limits.Bytes) HandOver();
        }

        /// <summary>
        /// Hands over what is waiting and returns when the thread has written every record handed over (or writing
        /// ended early, or was cancelled). Afterwards <see cref="TryTakeOutcome"/> returns every outcome so far.
        /// </summary>
        public void Flush()
        {
            if (_thread == null) return;
            HandOver();
            lock (_progress)
            {
                while (_written < _handedOver && !_finished) Monitor.Wait(_progress);
            }
        }

        /// <summary>True when an outcome is waiting to be taken.</summary>
        public bool HasOutcome => !_outcomes.IsEmpty;

        /// <summary>The next outcome in record order, without waiting; false when none is waiting (yet).</summary>
        public bool TryTakeOutcome(out MarcWriteOutcome outcome) => _outcomes.TryDequeue(out outcome!);

        /// <summary>
        /// Writes what is waiting and waits for the thread to end. Afterwards the writer belongs to the caller again
        /// (to commit it) and <see cref="TryTakeOutcome"/> returns the remaining outcomes.
        /// </summary>
        public void Complete()
        {
            if (_completed) return;
            if (_thread != null && !_cancel.IsCancellationRequested)
            {
                try
                {
                    HandOver();
                }
                catch (OperationCanceledException)
                {
                    // Cancelled meanwhile.
                }
            }
            _completed = true;
            _batches.CompleteAdding();
            _thread?.Join();
        }

        /// <summary>Stops writing soon; records not yet written are dropped. Safe from any thread (a Ctrl+C handler).</summary>
        public void Cancel()
        {
            try
            {
                _cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Disposed: the thread has ended.
            }
        }

        /// <summary>Stops the thread and waits for it: no thread outlives this object. The writer is not touched.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Cancel();
            if (!_batches.IsAddingCompleted) _batches.CompleteAdding();
            _thread?.Join();
            _cancel.Dispose();
            _batches.Dispose();
        }

        /// <summary>
        /// A warning of the record being written now, from the writer's diagnostic callback (on the writing thread):
        /// it is reported with that record, after the warnings handed in with it. False when no record is being
        /// written by the thread (the writer belongs to the caller again).
        /// </summary>
        public bool TryAddWarning(MarcDiagnostic warning)
        {
            if (warning == null) throw new ArgumentNullException(nameof(warning));
            if (!_writing) return false;
            (_currentWarnings ??= new List<MarcDiagnostic>()).Add(warning);
            return true;
        }

        private void HandOver()
        {
            if (_filling.Count == 0) return;
            Batch batch = _filling;
            _filling = _free.TryDequeue(out Batch? reused) ? reused : new Batch(_limits.Records);
            _fillingBytes = 0;
            if (_failed) return;
            int count = batch.Count;
            try
            {
                _batches.Add(batch, _cancel.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            _handedOver += count;
        }

        // ---- writing thread ------------------------------------------------------------------------------------

        [MethodImpl(Iso2709Constants.HotPath)]
        private void WriteAll()
        {
            CancellationToken token = _cancel.Token;
            try
            {
                foreach (Batch batch in _batches.GetConsumingEnumerable(token))
                {
                    int count = batch.Count;
                    for (int i = 0; i < count; i++)
                    {
                        if (_failed || token.IsCancellationRequested) break;
                        WriteOne(in batch.Items[i]);
                    }
                    Array.Clear(batch.Items, 0, count);
                    batch.Count = 0;
                    _free.Enqueue(batch);
                    lock (_progress)
                    {
                        _written += count;
                        Monitor.PulseAll(_progress);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Cancelled: the caller disposes, and the records not written are dropped.
            }
            finally
            {
                lock (_progress)
                {
                    _finished = true;
                    Monitor.PulseAll(_progress);
                }
                MarcThreadingPolicy.ThreadEnded();
            }
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        private void WriteOne(in Item item)
        {
            _writing = true;
            _currentWarnings = null;
            Exception? error = null, failure = null;
            try
            {
                _write(item.Output);
            }
            catch (MarcWriteException e)
            {
                error = e;
            }
            catch (MarcEncodingException e)
            {
                error = e;
            }
            catch (Exception e)
            {
                failure = e;
                _failed = true;
            }
            finally
            {
                _writing = false;
            }
            List<MarcDiagnostic>? writerWarnings = _currentWarnings;
            _currentWarnings = null;
            if (error == null && failure == null && writerWarnings == null && (item.Warnings == null || item.Warnings.Count == 0)) return;

            IReadOnlyList<MarcDiagnostic> warnings;
            if (writerWarnings == null) warnings = item.Warnings ?? (IReadOnlyList<MarcDiagnostic>)Array.Empty<MarcDiagnostic>();
            else if (item.Warnings == null || item.Warnings.Count == 0) warnings = writerWarnings;
            else
            {
                var all = new List<MarcDiagnostic>(item.Warnings.Count + writerWarnings.Count);
                all.AddRange(item.Warnings);
                all.AddRange(writerWarnings);
                warnings = all;
            }
            _outcomes.Enqueue(new MarcWriteOutcome(item.Record, item.Number, warnings, error, failure));
        }

        private readonly struct Item
        {
            internal Item(MarcRecord output, MarcRecord record, long number, IReadOnlyList<MarcDiagnostic>? warnings)
            {
                Output = output;
                Record = record;
                Number = number;
                Warnings = warnings;
            }

            internal readonly MarcRecord Output;
            internal readonly MarcRecord Record;
            internal readonly long Number;
            internal readonly IReadOnlyList<MarcDiagnostic>? Warnings;
        }

        private sealed class Batch
        {
            internal Batch(int capacity) => Items = new Item[capacity];

            internal readonly Item[] Items;
            internal int Count;
        }
    }
}
