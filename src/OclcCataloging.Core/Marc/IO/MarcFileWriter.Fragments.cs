using System;
using System.IO;
using OclcCataloging.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Json;
using OclcCataloging.Marc.Mrk;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Marc.IO
{
    // Serialising parts of the file on other threads (the converter's workers); see docs/design/marc-conversion.md.
    public sealed partial class MarcFileWriter
    {
        /// <summary>
        /// A writer of this file's format and settings that serialises records into buffers, without the document's
        /// start and end; <paramref name="diagnostic"/> receives what <see cref="MarcFileWriterOptions.Diagnostic"/> would.
        /// </summary>
        internal MarcFragmentWriter CreateFragmentWriter(Action<MarcDiagnostic> diagnostic)
        {
            if (diagnostic == null) throw new ArgumentNullException(nameof(diagnostic));
            var buffer = new ByteBufferStream();
            IMarcWriter writer;
            switch (_writer)
            {
                case Iso2709Writer _:
                    writer = new Iso2709Writer(buffer, new Iso2709WriterOptions { LeaveOpen = true, OversizePolicy = _options.OversizePolicy, Warning = diagnostic });
                    break;
                case MarcJsonWriter json:
                    writer = new MarcJsonWriter(buffer, new MarcJsonWriterOptions { Array = json.WritesArray, LeaveOpen = true }) { ContinuesArray = true };
                    break;
                case MrkWriter _:
                    writer = new MrkWriter(buffer, Format, new MrkWriterOptions { LeaveOpen = true });
                    break;
                case MarcXmlWriter _:
                    writer = new MarcXmlWriter(buffer, XmlOptions(xmlDeclaration: false, (r, d) => diagnostic(d))) { Fragment = true };
                    break;
                default:
                    // Appending to MARCXML: standalone record elements.
                    writer = new XmlRecordElementWriter(buffer, XmlOptions(xmlDeclaration: false, (r, d) => diagnostic(d)));
                    break;
            }
            return new MarcFragmentWriter(buffer, writer);
        }

        /// <summary>Adds the next part of the file: <paramref name="records"/> records serialised by a <see cref="CreateFragmentWriter"/> writer.</summary>
        internal void WriteFragment(byte[] bytes, int offset, int count, long records)
        {
            if (_completed) throw new InvalidOperationException("The file was already committed.");
            if (records == 0) return;
            try
            {
                switch (_writer)
                {
                    case MarcXmlWriter xml:
                        xml.WriteSerialized(bytes, offset, count, records);
                        break;
                    case MarcJsonWriter json:
                        json.WriteSerialized(bytes, offset, count, records);
                        break;
                    default:
                        // ISO 2709, MarcEdit text, appended MARCXML: the records follow one another as they are.
                        _file.Stream.Write(bytes, offset, count);
                        break;
                }
                RecordsWritten += records;
                _file.WrittenSoFar();
            }
            catch (IOException e)
            {
                throw _file.Explain(e);
            }
        }

        /// <summary>One record as a standalone MARCXML record element and a line end (records appended to an existing document).</summary>
        private static void WriteXmlRecordElement(Stream stream, MarcRecord record, MarcXmlWriterOptions? options)
        {
            byte[] xml = Utf8NoBom.GetBytes(MarcXmlWriter.ToXml(record, options) + "\n");
            stream.Write(xml, 0, xml.Length);
        }

        private sealed class XmlRecordElementWriter : IMarcWriter
        {
            private readonly Stream _stream;
            private readonly MarcXmlWriterOptions _options;

            internal XmlRecordElementWriter(Stream stream, MarcXmlWriterOptions options)
            {
                _stream = stream;
                _options = options;
            }

            public void Write(MarcRecord record) => WriteXmlRecordElement(_stream, record, _options);

            public void Complete()
            {
            }

            public void Dispose()
            {
            }
        }
    }
}
