using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace OclcCataloging.Connections
{
    /// <summary>
    /// Moves a secret between a <see cref="SecureString"/> and the bytes a protector encrypts, never through a
    /// <see cref="string"/>: every intermediate buffer (the unmanaged copy, char arrays) is zeroed before it is
    /// released, and the byte arrays returned are the caller's to clear.
    /// </summary>
    internal static class SecureStringBytes
    {
        /// <summary>The secret's UTF-16LE bytes (the form DPAPI and ConvertFrom-SecureString protect). Clear them after use.</summary>
        internal static byte[] ToUtf16(SecureString secret) => Encode(Encoding.Unicode, secret);

        /// <summary>The secret's UTF-8 bytes. Clear them after use.</summary>
        internal static byte[] ToUtf8(SecureString secret) => Encode(Encoding.UTF8, secret);

        /// <summary>A read-only secret from UTF-16LE bytes; clearing the bytes is left to the caller.</summary>
        internal static SecureString FromUtf16(byte[] bytes) => Decode(Encoding.Unicode, bytes);

        /// <summary>A read-only secret from UTF-8 bytes; clearing the bytes is left to the caller.</summary>
        internal static SecureString FromUtf8(byte[] bytes) => Decode(Encoding.UTF8, bytes);

        /// <summary>A read-only secret from text that is plain already (a vault that returned a string).</summary>
        internal static SecureString FromString(string text) => ReadOnly(text ?? throw new ArgumentNullException(nameof(text)));

        private static byte[] Encode(Encoding encoding, SecureString secret)
        {
            char[] chars = ToChars(secret);
            try { return encoding.GetBytes(chars); }
            finally { Array.Clear(chars, 0, chars.Length); }
        }

        private static SecureString Decode(Encoding encoding, byte[] bytes)
        {
            char[] chars = encoding.GetChars(bytes ?? throw new ArgumentNullException(nameof(bytes)));
            try { return ReadOnly(chars); }
            finally { Array.Clear(chars, 0, chars.Length); }
        }

        private static SecureString ReadOnly(IEnumerable<char> chars)
        {
            var secret = new SecureString();
            foreach (char c in chars) secret.AppendChar(c);
            secret.MakeReadOnly();
            return secret;
        }

        private static char[] ToChars(SecureString secret)
        {
            if (secret == null) throw new ArgumentNullException(nameof(secret));
            IntPtr unmanaged = Marshal.SecureStringToGlobalAllocUnicode(secret);
            try
            {
                char[] chars = new char[secret.Length];
                Marshal.Copy(unmanaged, chars, 0, chars.Length);
                return chars;
            }
            finally
            {
                Marshal.ZeroFreeGlobalAllocUnicode(unmanaged);
            }
        }
    }
}
