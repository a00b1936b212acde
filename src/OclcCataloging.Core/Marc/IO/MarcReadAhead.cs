using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// Reads a MARC file ahead of its consumer on a thread of its own. <see cref="ReadNext"/> hands back exactly what
    /// the reader returned, in file order (records, unreadable chunks, stray bytes), and throws what the reader threw
    /// in the place it threw it; the consumer's loop is the same as over the reader itself. The reading thread has
    /// no other effect: counting, reporting and reject files stay with the consumer, so what it has read ahead but
    /// not handed back is simply dropped when the consumer stops. Results wait in a queue bounded by
    /// <see cref="MarcQueueLimits"/> (records and bytes). <see cref="Dispose"/> stops the thread and waits for it.
    /// See docs/design/marc-pipeline.md.
    /// </summary>
    public sealed class MarcReadAhead : IDisposable
    {
        private readonly Func<MarcReadResult?> _read;
        private readonly Func<long> _position;
        private readonly MarcQueueLimits _limits;
        private readonly BlockingCollection<Batch> _batches;
        private readonly ConcurrentQueue<Batch> _free = new ConcurrentQueue<Batch>();
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private Thread? _thread;
        private Batch? _current;
        private int _index;
        private long _consumedPosition;
        private bool _ended;
        private bool _disposed;

        /// <summary>Reads <paramref name="reader"/> ahead; the caller keeps owning (and disposes) it, after this.</summary>
        public MarcReadAhead(MarcFileReader reader, MarcQueueLimits? limits = null)
            : this((reader ?? throw new ArgumentNullException(nameof(reader))).ReadNext, () => reader.Position, limits)
        {
        }

        /// <param name="read">The next result, or null at the end; called only on the reading thread.</param>
        /// <param name="position">How far the source has been read (for progress); called on the reading thread after each batch.</param>
        /// <param name="limits">Queue bounds; null for defaults.</param>
        public MarcReadAhead(Func<MarcReadResult?> read, Func<long> position, MarcQueueLimits? limits = null)
        {
            _read = read ?? throw new ArgumentNullException(nameof(read));
            _position = position ?? throw new ArgumentNullException(nameof(position));
            _limits = limits ?? new MarcQueueLimits();
            _batches = new BlockingCollection<Batch>(_limits.InFlight);
        }

        /// <summary>How far the source had been read when the last result handed back by <see cref="ReadNext"/> was read (batch by batch).</summary>
        public long Position => _consumedPosition;

        /// <summary>True while the reading thread runs.</summary>
        internal bool IsReading => _thread?.IsAlive == true;

        /// <summary>Starts the reading thread.</summary>
        public void Start()
        {
            if (_disposed) throw new ObjectDisposedException(nameof(MarcReadAhead));
            if (_thread != null) throw new InvalidOperationException("Reading ahead was already started.");
            _thread = MarcThreadingPolicy.StartThread(ReadAll, "MARC read-ahead");
        }

        /// <summary>
        /// The next result in file order, waiting for the reading thread when needed; null at the end, and after
        /// <see cref="Cancel"/>. An exception of the reader is thrown here, after the results read before it.
        /// </summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        public MarcReadResult? ReadNext()
        {
            while (true)
            {
                Batch? batch = _current;
                if (batch != null)
                {
                    if (_index < batch.Count)
                    {
                        MarcReadResult result = batch.Results[_index]!;
                        batch.Results[_index++] = null; // the consumer alone keeps what it was handed
                        return result;
                    }
                    _current = null;
                    if (batch.Failure != null)
                    {
                        _ended = true;
                        batch.Failure.Throw();
                    }
                    batch.Count = 0;
                    _free.Enqueue(batch);
                }
                if (_ended || _thread == null) return null;
                if (!TryTake(out Batch? next))
                {
                    _ended = true;
                    return null;
                }
                _current = next;
                _index = 0;
                _consumedPosition = next!.Position;
            }
        }

        /// <summary>Stops the reading thread soon; <see cref="ReadNext"/> then returns null. Safe from any thread (a Ctrl+C handler).</summary>
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

        /// <summary>Stops the reading thread and waits for it: no thread outlives this object.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            Cancel();
            _thread?.Join();
            _current = null;
            _cancel.Dispose();
            _batches.Dispose();
        }

        private bool TryTake(out Batch? batch)
        {
            try
            {
                return _batches.TryTake(out batch, Timeout.Infinite, _cancel.Token);
            }
            catch (OperationCanceledException)
            {
                batch = null;
                return false;
            }
        }

        // ---- reading thread ------------------------------------------------------------------------------------

        [MethodImpl(Iso2709Constants.HotPath)]
        private void ReadAll()
        {
            CancellationToken token = _cancel.Token;
            var batch = new Batch(_limits.Records);
            long bytes = 0;
            try
            {
                while (!token.IsCancellationRequested)
                {
                    MarcReadResult? result;
                    try
                    {
                        result = _read();
                    }
                    catch (Exception e)
                    {
                        batch.Failure = ExceptionDispatchInfo.Capture(e);
                        break;
                    }
                    if (result == null) break;
                    batch.Results[batch.Count++] = result;
                    bytes += SizeOf(result);
                    if (batch.Count == batch.Results.Length || bytes >= _limits.Bytes)
                    {
                        HandOver(batch, token);
                        batch = _free.TryDequeue(out Batch? reused) ? reused : new Batch(_limits.Records);
                        bytes = 0;
                    }
                }
                if (!token.IsCancellationRequested && (batch.Count > 0 || batch.Failure != null)) HandOver(batch, token);
            }
            catch (OperationCanceledException)
            {
                // Cancelled while the queue was full: nobody takes any more.
            }
            finally
            {
                _batches.CompleteAdding();
                MarcThreadingPolicy.ThreadEnded();
            }
        }

        private void HandOver(Batch batch, CancellationToken token)
        {
            try
            {
                batch.Position = _position();
            }
            catch (Exception) when (batch.Failure != null)
            {
                // The source already failed; its position no longer matters.
            }
            _batches.Add(batch, token);
        }

        /// <summary>The bytes a result holds on to while it waits: its record's length in the file, or the raw bytes set aside.</summary>
        internal static long SizeOf(MarcReadResult result)
        {
            if (result.Record != null) return Math.Max(1, result.Record.Origin?.ByteLength ?? 0);
            if (result.Error != null) return Math.Max(1, result.Error.RawBytes.Length);
            if (result.StrayBytes != null) return Math.Max(1, result.StrayBytes.Bytes.Length);
            return 1;
        }

        private sealed class Batch
        {
            internal Batch(int capacity) => Results = new MarcReadResult?[capacity];

            internal readonly MarcReadResult?[] Results;
            internal int Count;
            internal long Position;
            internal ExceptionDispatchInfo? Failure;
        }
    }
}
