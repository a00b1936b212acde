using System;
using System.Collections.Generic;
using System.Text;
using OclcCataloging.IO;

namespace OclcCataloging.Batch
{
    /// <summary>
    /// Writes several files all-or-nothing as far as the file system allows: every file is written to its
    /// temporary file first, and only when all are written are they renamed into place.
    /// </summary>
    internal sealed class BatchOutputFiles : IDisposable
    {
        private readonly List<AtomicFileWriter> _writers = new List<AtomicFileWriter>();

        public void Add(string path, string content, bool byteOrderMark)
        {
            var writer = new AtomicFileWriter(path);
            _writers.Add(writer);
            byte[] bytes = new UTF8Encoding(byteOrderMark).GetBytes(content);
            byte[] preamble = new UTF8Encoding(byteOrderMark).GetPreamble();
            writer.Stream.Write(preamble, 0, preamble.Length);
            writer.Stream.Write(bytes, 0, bytes.Length);
        }

        public void CommitAll()
        {
            foreach (var writer in _writers) writer.Commit();
        }

        public void Dispose()
        {
            foreach (var writer in _writers) writer.Dispose();
        }
    }
}
