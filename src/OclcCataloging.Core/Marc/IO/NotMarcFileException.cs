using System.IO;

namespace OclcCataloging.Marc.IO
{
    /// <summary>The file's content is not MARC at all (<see cref="NotMarcContent"/>): nothing was read from it.</summary>
    public sealed class NotMarcFileException : IOException
    {
        public NotMarcFileException(string message, string path, string description) : base(message)
        {
            Path = path;
            Description = description;
        }

        public string Path { get; }

        /// <summary>What the content is, as <see cref="NotMarcContent.Describe(byte[], int)"/> says it.</summary>
        public string Description { get; }
    }
}
