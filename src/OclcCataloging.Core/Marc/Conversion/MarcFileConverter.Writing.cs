using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using OclcCataloging.Marc.IO;

namespace OclcCataloging.Marc.Conversion
{
    // The writing thread and the serialising threads; see docs/design/marc-conversion.md.
    public sealed partial class MarcFileConverter
    {
        private readonly Stack<byte[]> _spareBuffers = new Stack<byte[]>();
        private ConversionRecordWriter? _renumbering;
        private MarcFragmentWriter? _renumberingFragments;

        // ---- writing thread ------------------------------------------------------------------------------------

        private void WriteAll()
        {
            CancellationToken token = _cancel.Token;
            try
            {
                foreach (ConversionChunk chunk in _chunks.GetConsumingEnumerable(token))
                {
                    bool stopped = _work == null ? WriteHere(chunk, token) : WriteSerialised(chunk, token);
                    chunk.Release();
                    if (stopped) return;
                }
                Emit(new MarcConversionEvent(MarcConversionEventKind.Completed), token);
            }
            catch (OperationCanceledException)
            {
                // Cancelled: the caller disposes, and the temporary file goes.
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                StopReading();
                TryEmit(new MarcConversionEvent(MarcConversionEventKind.WriteFailed) { Exception = e }, token);
            }
            catch (Exception e)
            {
                StopReading();
                TryEmit(new MarcConversionEvent(MarcConversionEventKind.Failed) { Exception = e }, token);
            }
            finally
            {
                StopReading();
                CancelQuietly(_stopSerialising);
                DrainChunks();
                _events.CompleteAdding();
            }
        }

        /// <summary>One thread: the chunk's records are converted and written straight into the file. True when the conversion stopped.</summary>
        private bool WriteHere(ConversionChunk chunk, CancellationToken token)
        {
            try
            {
                _direct.WriteChunk(chunk);
            }
            catch
            {
                EmitAll(chunk, token); // what was found up to the failure is reported first
                throw;
            }
            _summary.RecordsOut += chunk.RecordsWritten;
            return EmitAll(chunk, token);
        }

        /// <summary>The chunk's records, serialised by another thread, go into the file; then its events. True when the conversion stopped.</summary>
        private bool WriteSerialised(ConversionChunk chunk, CancellationToken token)
        {
            chunk.WaitSerialised(token);
            if (chunk.Failure != null)
            {
                EmitAll(chunk, token);
                TryEmit(new MarcConversionEvent(MarcConversionEventKind.Failed) { Exception = chunk.Failure }, token);
                return true;
            }
            if (chunk.HasWriteReports && chunk.NumberedAfter != _writer.RecordsWritten) Renumber(chunk);
            _writer.WriteFragment(chunk.Output!, 0, chunk.OutputLength, chunk.RecordsWritten);
            _summary.RecordsOut += chunk.RecordsWritten;
            ReturnBuffer(chunk.Output!);
            return EmitAll(chunk, token);
        }

        /// <summary>
        /// A record before the chunk was not written, so its messages (ISO 2709 names records by their number in the
        /// output) numbered its records wrongly: serialised again here, with the right numbers. Rare: a refused record
        /// followed by a changed or refused one in a later chunk.
        /// </summary>
        private void Renumber(ConversionChunk chunk)
        {
            if (_renumbering == null)
            {
                _renumbering = new ConversionRecordWriter(_options.OutputEncoding);
                _renumberingFragments = _writer.CreateFragmentWriter(_renumbering.Report);
                _renumbering.Sink = _renumberingFragments.Write;
            }
            chunk.Events.Clear();
            chunk.RecordsWritten = 0;
            Serialise(chunk, _renumbering, _renumberingFragments!, _writer.RecordsWritten);
        }

        private bool EmitAll(ConversionChunk chunk, CancellationToken token)
        {
            foreach (MarcConversionEvent e in chunk.Events)
            {
                Emit(e, token);
                if (e.Kind == MarcConversionEventKind.Failed) return true;
            }
            return false;
        }

        private void Emit(MarcConversionEvent e, CancellationToken token)
        {
            switch (e.Kind)
            {
                case MarcConversionEventKind.Unreadable:
                case MarcConversionEventKind.RecordNotWritten:
                    _summary.Rejected++;
                    break;
                case MarcConversionEventKind.RecordReadWithWarnings:
                case MarcConversionEventKind.RecordWrittenWithChange:
                    _summary.Warnings++;
                    break;
            }
            _events.Add(e, token);
        }

        private void TryEmit(MarcConversionEvent e, CancellationToken token)
        {
            try
            {
                _events.Add(e, token);
            }
            catch (OperationCanceledException)
            {
                // Cancelled meanwhile: nobody is listening.
            }
        }

        private void StopReading() => CancelQuietly(_stopReading);

        private static void CancelQuietly(CancellationTokenSource source)
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        /// <summary>Lets a reading thread blocked on a full queue finish after the writing thread stopped early.</summary>
        private void DrainChunks()
        {
            try
            {
                while (!_chunks.IsCompleted && _readThread != null && _readThread.IsAlive)
                {
                    _chunks.TryTake(out _, 50);
                }
            }
            catch (ObjectDisposedException)
            {
            }
        }

        // ---- serialising threads -------------------------------------------------------------------------------

        private void SerialiseAll()
        {
            var records = new ConversionRecordWriter(_options.OutputEncoding);
            MarcFragmentWriter fragments = _writer.CreateFragmentWriter(records.Report);
            records.Sink = fragments.Write;
            try
            {
                foreach (ConversionChunk chunk in _work!.GetConsumingEnumerable(_stopSerialising.Token))
                {
                    try
                    {
                        Serialise(chunk, records, fragments, chunk.FirstRecordNumber - 1);
                    }
                    catch (Exception e)
                    {
                        chunk.Failure = e;
                    }
                    finally
                    {
                        chunk.MarkSerialised();
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Cancelled, or the writing thread stopped.
            }
        }

        /// <summary>The chunk's records into a buffer, numbered as if <paramref name="recordsBefore"/> records had been written before them.</summary>
        private void Serialise(ConversionChunk chunk, ConversionRecordWriter records, MarcFragmentWriter fragments, long recordsBefore)
        {
            chunk.NumberedAfter = recordsBefore;
            fragments.Begin(chunk.Output ?? TakeBuffer(), recordsBefore);
            try
            {
                records.WriteChunk(chunk);
            }
            finally
            {
                chunk.Output = fragments.End(out int length);
                chunk.OutputLength = length;
            }
        }

        private byte[] TakeBuffer()
        {
            lock (_spareBuffers)
            {
                if (_spareBuffers.Count > 0) return _spareBuffers.Pop();
            }
            return new byte[64 * 1024];
        }

        private void ReturnBuffer(byte[] buffer)
        {
            lock (_spareBuffers) _spareBuffers.Push(buffer);
        }
    }
}
