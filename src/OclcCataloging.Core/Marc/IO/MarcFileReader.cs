using System;
using System.IO;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// Reads one MARC file the way the commands do: the file is opened for sequential reading, the format is
    /// detected from the content (or as told), gzip is decompressed, ISO 2709 stray bytes come back as results of
    /// their own (<see cref="MarcReadResult.StrayBytes"/>), and records of the text formats are converted to the
    /// requested encoding (<see cref="MarcEncodingConverter.ToEncoding"/>; ISO 2709 records are read in it instead).
    /// Results come in input order: records, unreadable chunks (<see cref="MarcReadResult.Error"/>) and stray bytes.
    /// </summary>
    public sealed class MarcFileReader : IDisposable
    {
        private const int FileBufferSize = 64 * 1024;

        private readonly FileStream _stream;
        private readonly IMarcReader _reader;
        private readonly MarcEncoding _encoding;

        private MarcFileReader(FileStream stream, IMarcReader reader, MarcFormat format, bool detected, MarcEncoding encoding)
        {
            _stream = stream;
            _reader = reader;
            Format = format;
            FormatDetected = detected;
            _encoding = encoding;
        }

        /// <summary>Opens <paramref name="path"/>.</summary>
        /// <param name="path">The file to read.</param>
        /// <param name="format">The format, or <see cref="MarcFormat.Auto"/> to detect it from the content.</param>
        /// <param name="encoding">ISO 2709: how each record's coding is decided (<see cref="Iso2709ReaderOptions.Encoding"/>).
        /// Other formats: Utf8 or Marc8 converts each record to that coding; Leader and Auto leave records as read.</param>
        /// <exception cref="IOException">The file cannot be opened (<see cref="UnauthorizedAccessException"/> when access is denied).</exception>
        /// <exception cref="MarcFileReadException">The file was opened but its beginning cannot be read (e.g. damaged gzip).</exception>
        /// <exception cref="NotMarcFileException">With <see cref="MarcFormat.Auto"/>: the content is not MARC (a PDF, a text file …; <see cref="NotMarcContent"/>).</exception>
        public static MarcFileReader Open(string path, MarcFormat format = MarcFormat.Auto, MarcEncoding encoding = MarcEncoding.Leader)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileBufferSize, FileOptions.SequentialScan);
            if (format == MarcFormat.Auto) RefuseNonMarc(stream, path);
            try
            {
                var options = new MarcReaderOptions
                {
                    LeaveOpen = true,
                    Iso2709 = new Iso2709ReaderOptions { Encoding = encoding, ReturnStrayBytes = true },
                };
                IMarcReader reader = MarcReaderFactory.Create(stream, format, path, options, out MarcFormat detected);
                return new MarcFileReader(stream, reader, detected, format == MarcFormat.Auto, encoding);
            }
            catch (Exception e) when (e is IOException || e is InvalidDataException)
            {
                stream.Dispose();
                throw new MarcFileReadException("'" + path + "' cannot be read: " + e.Message, e);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        /// <summary>Detected content that is not MARC at all ends the read before it starts (one error instead of one per chunk).</summary>
        private static void RefuseNonMarc(FileStream stream, string path)
        {
            string? description;
            try
            {
                var head = new byte[NotMarcContent.ScanLength];
                int n = MarcFormatDetector.ReadHead(stream, head);
                stream.Position = 0;
                description = MarcFormatDetector.IsGzip(head, n) || MarcFormatDetector.Detect(head, n) != MarcFormat.Iso2709
                    ? null
                    : NotMarcContent.Describe(head, n);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
            if (description == null) return;
            stream.Dispose();
            throw new NotMarcFileException("'" + path + "' is " + description + ". Nothing was read from it.", path, description);
        }

        /// <summary>The format being read (never <see cref="MarcFormat.Auto"/>).</summary>
        public MarcFormat Format { get; }

        /// <summary>True when <see cref="Format"/> was detected from the content rather than given.</summary>
        public bool FormatDetected { get; }

        /// <summary>The file's length in bytes (compressed length for gzip).</summary>
        public long Length => _stream.Length;

        /// <summary>Bytes of the file read so far, for progress.</summary>
        public long Position => Math.Min(_stream.Position, _stream.Length);

        /// <summary>The next result, or null at the end of the file. Throws <see cref="IOException"/> when the file cannot be read further.</summary>
        public MarcReadResult? ReadNext()
        {
            MarcReadResult? result = _reader.ReadNext();
            if (result?.Record == null || Format == MarcFormat.Iso2709) return result;
            MarcRecord record = MarcEncodingConverter.ToEncoding(result.Record, _encoding);
            return ReferenceEquals(record, result.Record) ? result : new MarcReadResult(record);
        }

        public void Dispose()
        {
            _reader.Dispose();
            _stream.Dispose();
        }
    }
}
