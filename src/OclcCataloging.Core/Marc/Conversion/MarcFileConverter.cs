using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Resilience;

namespace OclcCataloging.Marc.Conversion
{
    /// <summary>
    /// Converts MARC files into one MARC file: one thread reads and parses the input files (<see cref="MarcFileReader"/>)
    /// and hands the records on in chunks; <see cref="MarcFileConverterOptions.Threads"/> threads convert the character
    /// coding and serialise the chunks side by side (<see cref="MarcFileWriter"/>'s fragments), and one thread writes the
    /// chunks to the file in input order and reports what each record's conversion found; with one thread or none, that
    /// writing thread converts and serialises the records itself. The output and the reports are the same either way.
    /// Everything to report comes back to the caller's thread, in order, through <see cref="Take"/>; the output becomes
    /// visible only when the caller has seen <see cref="MarcConversionEventKind.Completed"/> and calls <see cref="Commit"/>.
    /// Disposing without committing (or after <see cref="Cancel"/>) leaves the destination as it was.
    /// See docs/design/marc-conversion.md.
    /// </summary>
    public sealed partial class MarcFileConverter : IDisposable
    {
        private readonly string[] _inputs;
        private readonly MarcFileConverterOptions _options;
        private readonly MarcFileWriter _writer;
        private readonly MarcQueueLimits _queue;
        private readonly BlockingCollection<ConversionChunk> _chunks;   // in input order, to the writing thread
        private readonly BlockingCollection<ConversionChunk>? _work;    // the same chunks, to the serialising threads
        private readonly ConversionRecordWriter _direct;                 // the writing thread's own, straight into the file
        private readonly BlockingCollection<MarcConversionEvent> _events;
        private readonly CancellationTokenSource _cancel = new CancellationTokenSource();
        private readonly CancellationTokenSource _stopReading;
        private readonly CancellationTokenSource _stopSerialising;
        private readonly int _threads;
        private readonly MarcConversionSummary _summary = new MarcConversionSummary();
        private readonly Stopwatch _clock = new Stopwatch();
        private Thread? _readThread;
        private Thread? _writeThread;
        private Thread[] _serialiseThreads = Array.Empty<Thread>();
        private bool _sawCompleted;
        private bool _committed;
        private bool _disposed;

        // Progress, written by the reading thread and read by the caller's.
        private string? _currentFile;
        private long _currentLength;
        private long _currentPosition;
        private long _recordsRead;
        private long _recordsChunked; // the reading thread's own count
        private long _bytesBeforeFile; // the reading thread's: input bytes of the files before the current one
        private readonly ConversionMemoryPolicy _memory;

        /// <param name="inputs">The files to read, in order.</param>
        /// <param name="target">The file to write, as decided by <see cref="MarcFileWriter.ChooseTarget"/>.</param>
        /// <param name="options">Settings; null for defaults.</param>
        /// <param name="retry">Retries the final rename when the destination is briefly locked.</param>
        /// <exception cref="IOException">The output cannot be created (<see cref="UnauthorizedAccessException"/> when access is denied).</exception>
        /// <exception cref="InvalidDataException">Appending to a file records cannot be added to.</exception>
        public MarcFileConverter(IEnumerable<string> inputs, MarcFileTarget target, MarcFileConverterOptions? options = null, IRetryExecutor? retry = null)
        {
            if (inputs == null) throw new ArgumentNullException(nameof(inputs));
            if (target == null) throw new ArgumentNullException(nameof(target));
            _inputs = new List<string>(inputs).ToArray();
            _options = options ?? new MarcFileConverterOptions();
            MarcFileWriterOptions w = _options.Writer ?? new MarcFileWriterOptions();
            _direct = new ConversionRecordWriter(_options.OutputEncoding);
            _writer = new MarcFileWriter(target, new MarcFileWriterOptions
            {
                Format = w.Format,
                Append = w.Append,
                ReplaceReadOnly = w.ReplaceReadOnly,
                OversizePolicy = w.OversizePolicy,
                InvalidXmlCharacters = w.InvalidXmlCharacters,
                JsonArray = w.JsonArray,
                IndentXml = w.IndentXml,
                Diagnostic = (record, diagnostic) => _direct.Report(diagnostic),
            }, retry);
            _direct.Sink = _writer.Write;
            _queue = _options.Queue ?? MarcQueueLimits.ForConversion();
            _threads = Math.Min(Math.Max(0, _options.Threads), MarcFileConverterOptions.MaxThreads);
            // Enough chunks in flight for every serialising thread to have one while the writing thread writes another.
            int inFlight = Math.Max(_queue.InFlight, _threads > 1 ? _threads + 1 : 0);
            _chunks = new BlockingCollection<ConversionChunk>(inFlight);
            if (_threads > 1) _work = new BlockingCollection<ConversionChunk>();
            _events = new BlockingCollection<MarcConversionEvent>(4096);
            _stopReading = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token);
            _stopSerialising = CancellationTokenSource.CreateLinkedTokenSource(_cancel.Token);
            _memory = new ConversionMemoryPolicy(_options.CollectEveryBytes, _options.CollectGeneration);
            _summary.Destination = _writer.DestinationPath;
            _summary.Format = _writer.Format;
            _summary.Files = _inputs.Length;
        }

        /// <summary>The full path of the file being written.</summary>
        public string DestinationPath => _writer.DestinationPath;

        /// <summary>The format being written.</summary>
        public MarcFormat Format => _writer.Format;

        /// <summary>True when the output was appended to an existing ISO 2709 file whose last record lacked its terminator (one was added).</summary>
        public bool TerminatedExistingRecord => _writer.TerminatedExistingRecord;

        /// <summary>The input file being read now, or null.</summary>
        public string? CurrentFile => Volatile.Read(ref _currentFile);

        /// <summary>The length of <see cref="CurrentFile"/> in bytes.</summary>
        public long CurrentLength => Interlocked.Read(ref _currentLength);

        /// <summary>Bytes of <see cref="CurrentFile"/> read so far (updated once per batch).</summary>
        public long CurrentPosition => Interlocked.Read(ref _currentPosition);

        /// <summary>Records read so far, over all files.</summary>
        public long RecordsRead => Interlocked.Read(ref _recordsRead);

        /// <summary>What was done; final once <see cref="IsFinished"/> (and <see cref="Commit"/>, for the bytes written).</summary>
        public MarcConversionSummary Summary
        {
            get
            {
                _summary.Elapsed = _clock.Elapsed;
                return _summary;
            }
        }

        /// <summary>True when the last event was taken: after <see cref="MarcConversionEventKind.Completed"/>, a failure, or cancellation.</summary>
        public bool IsFinished => _events.IsCompleted;

        /// <summary>Starts the threads.</summary>
        public void Start()
        {
            if (_readThread != null) throw new InvalidOperationException("The conversion was already started.");
            _clock.Start();
            _readThread = new Thread(ReadAll) { IsBackground = true, Name = "MARC read" };
            _writeThread = new Thread(WriteAll) { IsBackground = true, Name = "MARC write" };
            if (_work != null)
            {
                _serialiseThreads = new Thread[_threads];
                for (int i = 0; i < _threads; i++)
                {
                    _serialiseThreads[i] = new Thread(SerialiseAll) { IsBackground = true, Name = "MARC serialise " + (i + 1) };
                    _serialiseThreads[i].Start();
                }
            }
            _writeThread.Start();
            _readThread.Start();
        }

        /// <summary>The next event, waiting at most <paramref name="timeout"/>; null on timeout or when <see cref="IsFinished"/>.</summary>
        public MarcConversionEvent? Take(TimeSpan timeout)
        {
            // Not cancellable itself: after Cancel the threads end soon, and what they had reported can still be taken.
            if (!_events.TryTake(out MarcConversionEvent? e, (int)timeout.TotalMilliseconds)) return null;
            if (e.Kind == MarcConversionEventKind.Completed) _sawCompleted = true;
            return e;
        }

        /// <summary>Stops the threads soon; nothing will be committed. Safe to call from any thread (a Ctrl+C handler).</summary>
        public void Cancel()
        {
            try
            {
                _cancel.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Already disposed: nothing runs any more.
            }
        }

        /// <summary>
        /// Completes the output document and moves it into place. Only after <see cref="MarcConversionEventKind.Completed"/>
        /// was taken; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when it cannot (the destination is unchanged).
        /// </summary>
        public void Commit()
        {
            if (!_sawCompleted) throw new InvalidOperationException("The conversion has not completed; nothing can be committed.");
            if (_committed) throw new InvalidOperationException("The output was already committed.");
            JoinThreads();
            _writer.Commit();
            _committed = true;
            _clock.Stop();
            _summary.Committed = true;
            var info = new FileInfo(_writer.DestinationPath);
            _summary.BytesOut = info.Exists ? info.Length : 0;
        }

        /// <summary>Stops the threads and, unless the output was committed, deletes the temporary file: the destination stays as it was.</summary>
        public void Dispose()
        {
            if (_disposed) return;
            _disposed = true;
            _cancel.Cancel();
            JoinThreads();
            _clock.Stop();
            _writer.Dispose();
            _stopReading.Dispose();
            _stopSerialising.Dispose();
            _cancel.Dispose();
            _chunks.Dispose();
            _work?.Dispose();
            _events.Dispose();
        }

        private void JoinThreads()
        {
            _readThread?.Join();
            _writeThread?.Join();
            foreach (Thread t in _serialiseThreads) t.Join();
        }

        // ---- reading thread ------------------------------------------------------------------------------------

        private void ReadAll()
        {
            CancellationToken token = _stopReading.Token;
            var batch = new List<object>(_queue.Records);
            try
            {
                foreach (string file in _inputs)
                {
                    if (token.IsCancellationRequested) return;
                    ReadFile(file, batch, token);
                }
                Flush(batch, token);
            }
            catch (OperationCanceledException)
            {
                // Cancelled, or the writing thread stopped: nothing more to hand over.
            }
            catch (Exception e)
            {
                Flush(batch, token, new MarcConversionEvent(MarcConversionEventKind.Failed) { Exception = e });
            }
            finally
            {
                _chunks.CompleteAdding();
                _work?.CompleteAdding();
            }
        }

        private void ReadFile(string file, List<object> batch, CancellationToken token)
        {
            MarcFileReader reader;
            try
            {
                reader = MarcFileReader.Open(file, _options.InputFormat, _options.InputEncoding);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                Add(batch, new MarcConversionEvent(MarcConversionEventKind.FileNotOpened, file) { Exception = e }, token);
                return;
            }

            long records = 0, damaged = 0, unreadable = 0, stray = 0, inARow = 0, chunkStart = 0;
            var clock = Stopwatch.StartNew();
            long length = reader.Length;
            using (reader)
            {
                Volatile.Write(ref _currentFile, file);
                Interlocked.Exchange(ref _currentLength, length);
                Interlocked.Exchange(ref _currentPosition, 0);
                _summary.BytesIn += length;
                Add(batch, new MarcConversionEvent(MarcConversionEventKind.FileOpened, file)
                {
                    Format = reader.Format,
                    FormatDetected = reader.FormatDetected,
                    Length = length,
                }, token);
                long max = _options.MaxUnreadableInARow;
                while (true)
                {
                    MarcReadResult? result;
                    try
                    {
                        result = reader.ReadNext();
                    }
                    catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                    {
                        Add(batch, new MarcConversionEvent(MarcConversionEventKind.ReadFailed, file) { Exception = e }, token);
                        break;
                    }
                    if (result == null) break;
                    token.ThrowIfCancellationRequested();

                    if (result.Record != null)
                    {
                        inARow = 0;
                        records++;
                        if (result.Record.HasWarnings) damaged++;
                        batch.Add(result.Record);
                        // The position is looked at every 16 records (it costs a system call): chunks of long records stay small too.
                        if (batch.Count >= _queue.Records || (batch.Count % 16 == 0 && reader.Position - chunkStart >= _queue.Bytes))
                        {
                            chunkStart = reader.Position;
                            Interlocked.Exchange(ref _currentPosition, chunkStart);
                            Flush(batch, token);
                            _memory.Read(_bytesBeforeFile + chunkStart);
                        }
                    }
                    else if (result.Error != null)
                    {
                        unreadable++;
                        Add(batch, new MarcConversionEvent(MarcConversionEventKind.Unreadable, file) { ReadError = result.Error }, token);
                        if (++inARow == max && max > 0)
                        {
                            Add(batch, new MarcConversionEvent(MarcConversionEventKind.GaveUp, file) { Count = inARow, ReadError = result.Error }, token);
                            break;
                        }
                    }
                    else if (result.StrayBytes != null)
                    {
                        stray++;
                        Add(batch, new MarcConversionEvent(MarcConversionEventKind.StrayBytes, file) { StrayBytes = result.StrayBytes }, token);
                    }
                }
                Interlocked.Exchange(ref _currentPosition, reader.Position);
                _bytesBeforeFile += reader.Position;
            }
            _summary.RecordsIn += records;
            _summary.StrayByteRuns += stray;
            Add(batch, new MarcConversionEvent(MarcConversionEventKind.FileFinished, file)
            {
                FileStatistics = new MarcInputFileStatistics(file, length, records, damaged, unreadable, stray, clock.Elapsed),
            }, token);
        }

        private void Add(List<object> batch, MarcConversionEvent e, CancellationToken token)
        {
            batch.Add(e);
            if (batch.Count >= _queue.Records) Flush(batch, token);
        }

        private void Flush(List<object> batch, CancellationToken token, MarcConversionEvent? last = null)
        {
            if (last != null) batch.Add(last);
            if (batch.Count == 0) return;
            long records = 0;
            foreach (object item in batch) if (item is MarcRecord) records++;
            var chunk = new ConversionChunk(batch.ToArray(), _recordsChunked + 1);
            batch.Clear();
            _recordsChunked += records;
            Interlocked.Add(ref _recordsRead, records);
            // Both queues hold the chunk, or neither: the writing thread waits for each chunk it takes to be serialised.
            _chunks.Add(chunk, last != null ? CancellationToken.None : token);
            _work?.Add(chunk);
        }
    }
}
