using System;

namespace OclcCataloging.Connections
{
    /// <summary>The connections file cannot be read or written.</summary>
    public sealed class ConnectionStoreException : Exception
    {
        public ConnectionStoreException(string message, string path) : base(message) { Path = path; }

        public ConnectionStoreException(string message, string path, Exception inner) : base(message, inner) { Path = path; }

        public string Path { get; }
    }
}
