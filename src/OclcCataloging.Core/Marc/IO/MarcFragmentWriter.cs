using System;
using OclcCataloging.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Marc.Xml;

namespace OclcCataloging.Marc.IO
{
    /// <summary>
    /// Serialises records as one <see cref="MarcFileWriter"/> would, into a buffer instead of the file, one part of the
    /// file's records at a time (<see cref="MarcFileWriter.CreateFragmentWriter"/>): the parts, added in order with
    /// <see cref="MarcFileWriter.WriteFragment"/>, give the bytes that writing each record to the file gives. Used on
    /// one thread at a time; several of them serialise parts side by side.
    /// </summary>
    internal sealed class MarcFragmentWriter
    {
        private readonly ByteBufferStream _buffer;
        private readonly IMarcWriter _writer;

        internal MarcFragmentWriter(ByteBufferStream buffer, IMarcWriter writer)
        {
            _buffer = buffer;
            _writer = writer;
        }

        /// <summary>Starts a part in <paramref name="output"/> (from its start); its records are named from number <paramref name="recordsBefore"/> + 1 on in messages.</summary>
        public void Begin(byte[] output, long recordsBefore)
        {
            _buffer.Attach(output);
            if (_writer is Iso2709Writer iso) iso.ContinueNumbering(recordsBefore);
        }

        /// <summary>As <see cref="MarcFileWriter.Write"/>: a record that cannot be written leaves nothing in the part.</summary>
        public void Write(MarcRecord record) => _writer.Write(record);

        /// <summary>Ends the part: the buffer holding it (the one begun with, or a larger one) and its length.</summary>
        public byte[] End(out int length)
        {
            if (_writer is MarcXmlWriter xml) xml.FlushFragment();
            return _buffer.Detach(out length);
        }
    }
}
