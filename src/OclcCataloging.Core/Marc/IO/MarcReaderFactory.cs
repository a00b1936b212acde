using System;
using System.IO;
using System.IO.Compression;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Json;
using OclcCataloging.Marc.Mrk;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Marc.IO
{
    /// <summary>Settings for <see cref="MarcReaderFactory"/>: the options of each reader, and gzip handling.</summary>
    public sealed class MarcReaderOptions
    {
        /// <summary>Options for the ISO 2709 reader (null = defaults).</summary>
        public Iso2709ReaderOptions? Iso2709 { get; set; }

        /// <summary>Options for the MARCXML reader (null = defaults).</summary>
        public MarcXmlReaderOptions? MarcXml { get; set; }

        /// <summary>Options for the MARC-in-JSON reader (null = defaults).</summary>
        public MarcJsonReaderOptions? Json { get; set; }

        /// <summary>Options for the MarcEdit text reader, .mrk and .mrk8 (null = defaults).</summary>
        public MrkReaderOptions? Mrk { get; set; }

        /// <summary>
        /// Read gzip-compressed input (for example <c>DUMP.mrc.gz</c>) transparently. Default true. Byte offsets in
        /// record origins then count bytes of the decompressed content.
        /// </summary>
        public bool Decompress { get; set; } = true;

        /// <summary>Leave the stream open when the reader is disposed. Default false.</summary>
        public bool LeaveOpen { get; set; }
    }

    /// <summary>Opens the right reader for a stream: ISO 2709, MARCXML, MARC-in-JSON or MarcEdit text (.mrk, .mrk8),
    /// detected from the content or as told.</summary>
    public static class MarcReaderFactory
    {
        /// <summary>
        /// A reader for <paramref name="stream"/>. With <see cref="MarcFormat.Auto"/> the format is detected from the
        /// first bytes (<see cref="MarcFormatDetector"/>); gzip input is decompressed unless
        /// <see cref="MarcReaderOptions.Decompress"/> is off. The stream does not need to be seekable. Disposing the
        /// reader disposes the stream unless <see cref="MarcReaderOptions.LeaveOpen"/>.
        /// </summary>
        public static IMarcReader Create(Stream stream, MarcFormat format = MarcFormat.Auto, string? sourcePath = null, MarcReaderOptions? options = null)
        {
            return Create(stream, format, sourcePath, options, out _);
        }

        /// <summary>As <see cref="Create(Stream, MarcFormat, string, MarcReaderOptions)"/>, also telling which format is read.</summary>
        public static IMarcReader Create(Stream stream, MarcFormat format, string? sourcePath, MarcReaderOptions? options, out MarcFormat detectedFormat)
        {
            if (stream == null) throw new ArgumentNullException(nameof(stream));
            if (!stream.CanRead) throw new ArgumentException("The stream cannot be read.", nameof(stream));
            options ??= new MarcReaderOptions();

            Stream input = options.LeaveOpen ? new KeepOpenStream(stream) : stream;
            byte[] head = new byte[MarcFormatDetector.HeadLength];
            int n = 0;
            bool needHead = format == MarcFormat.Auto || options.Decompress;
            if (needHead)
            {
                long position = input.CanSeek ? input.Position : -1;
                n = MarcFormatDetector.ReadHead(input, head);
                if (position >= 0) input.Position = position;
                else input = new ReplayStream(head, n, input);

                if (options.Decompress && MarcFormatDetector.IsGzip(head, n))
                {
                    input = new GunzipStream(input);
                    head = new byte[MarcFormatDetector.HeadLength];
                    n = MarcFormatDetector.ReadHead(input, head);
                    input = new ReplayStream(head, n, input);
                }
            }

            detectedFormat = format == MarcFormat.Auto ? MarcFormatDetector.Detect(head, n) : format;
            switch (detectedFormat)
            {
                case MarcFormat.MarcXml:
                    return new MarcXmlReader(input, sourcePath, options.MarcXml);
                case MarcFormat.Iso2709:
                    return new Iso2709Reader(input, sourcePath, options.Iso2709);
                case MarcFormat.Json:
                    return new MarcJsonReader(input, sourcePath, options.Json);
                case MarcFormat.Mrk:
                case MarcFormat.Mrk8:
                    return new MrkReader(input, detectedFormat, sourcePath, options.Mrk);
                default:
                    throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown MARC format.");
            }
        }

        /// <summary>Opens <paramref name="path"/> for reading and returns a reader for it (the reader owns the file).</summary>
        public static IMarcReader OpenFile(string path, MarcFormat format = MarcFormat.Auto, MarcReaderOptions? options = null)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.SequentialScan);
            try
            {
                var opts = new MarcReaderOptions
                {
                    Iso2709 = options?.Iso2709,
                    MarcXml = options?.MarcXml,
                    Json = options?.Json,
                    Mrk = options?.Mrk,
                    Decompress = options?.Decompress ?? true,
                    LeaveOpen = false,
                };
                return Create(fs, format, path, opts);
            }
            catch
            {
                fs.Dispose();
                throw;
            }
        }

        /// <summary>Replays bytes already read from a non-seekable stream, then continues with the stream.</summary>
        private sealed class ReplayStream : Stream
        {
            private readonly byte[] _head;
            private readonly int _count;
            private readonly Stream _inner;
            private int _pos;
            private long _position;

            public ReplayStream(byte[] head, int count, Stream inner)
            {
                _head = head;
                _count = count;
                _inner = inner;
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int n;
                if (_pos < _count)
                {
                    n = Math.Min(count, _count - _pos);
                    Buffer.BlockCopy(_head, _pos, buffer, offset, n);
                    _pos += n;
                }
                else
                {
                    n = _inner.Read(buffer, offset, count);
                }
                _position += n;
                return n;
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => _position; set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) _inner.Dispose();
                base.Dispose(disposing);
            }
        }

        /// <summary>Decompresses gzip; damaged compressed data is reported as an <see cref="IOException"/>.</summary>
        private sealed class GunzipStream : Stream
        {
            private readonly GZipStream _gz;

            public GunzipStream(Stream inner) { _gz = new GZipStream(inner, CompressionMode.Decompress, leaveOpen: false); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                try
                {
                    return _gz.Read(buffer, offset, count);
                }
                catch (InvalidDataException e)
                {
                    throw new IOException("The gzip-compressed input is damaged: " + e.Message, e);
                }
            }

            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                if (disposing) _gz.Dispose();
                base.Dispose(disposing);
            }
        }

        /// <summary>Passes reads through; disposing it leaves the inner stream open.</summary>
        private sealed class KeepOpenStream : Stream
        {
            private readonly Stream _inner;

            public KeepOpenStream(Stream inner) { _inner = inner; }

            public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);
            public override bool CanRead => _inner.CanRead;
            public override bool CanSeek => _inner.CanSeek;
            public override bool CanWrite => false;
            public override long Length => _inner.Length;
            public override long Position { get => _inner.Position; set => _inner.Position = value; }
            public override void Flush() { }
            public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
