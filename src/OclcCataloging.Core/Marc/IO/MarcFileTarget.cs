namespace OclcCataloging.Marc.IO
{
    /// <summary>Where and how <see cref="MarcFileWriter"/> writes, as decided by <see cref="MarcFileWriter.ChooseTarget"/>.</summary>
    public sealed class MarcFileTarget
    {
        internal MarcFileTarget(string fullPath, MarcFormat format, bool appendsToContent)
        {
            FullPath = fullPath;
            Format = format;
            AppendsToContent = appendsToContent;
        }

        /// <summary>The full path of the file.</summary>
        public string FullPath { get; }

        /// <summary>The format to write (never <see cref="MarcFormat.Auto"/>).</summary>
        public MarcFormat Format { get; }

        /// <summary>True when the records are added to the file's existing content (appending to a non-empty file).</summary>
        public bool AppendsToContent { get; }
    }
}
