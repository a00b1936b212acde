using System;

namespace OclcCataloging.Connections
{
    /// <summary>A saved secret cannot be protected or read back. The message never contains the secret.</summary>
    public sealed class ConnectionSecretException : Exception
    {
        public ConnectionSecretException(string message) : base(message) { }

        public ConnectionSecretException(string message, Exception inner) : base(message, inner) { }
    }
}
