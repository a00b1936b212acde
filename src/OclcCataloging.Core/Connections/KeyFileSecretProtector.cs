using System;
using System.IO;
using System.Security;
using System.Security.Cryptography;
using System.Text;

namespace OclcCataloging.Connections
{
    /// <summary>
    /// Encrypts secrets with AES-256-CBC and authenticates them with HMAC-SHA256 (encrypt-then-MAC) under a random
    /// 64-byte key (32 for AES, 32 for HMAC) kept in a key file readable only by its owner (0600 on Unix). Anyone who
    /// can read the key file can read the secrets: the protection is the file permissions, as for an SSH key.
    /// Stored form: <c>v1:</c> + Base64(IV[16] | ciphertext | HMAC[32]).
    /// </summary>
    public sealed class KeyFileSecretProtector : ISecretProtector
    {
        private const string Prefix = "v1:";
        private const int KeyLength = 64;
        private const int IvLength = 16;
        private const int MacLength = 32;
        private static readonly byte[] MacLabel = Encoding.ASCII.GetBytes("OclcCataloging.connection.v1");

        public KeyFileSecretProtector(string keyFilePath)
        {
            if (string.IsNullOrEmpty(keyFilePath)) throw new ArgumentException("A key file path is required.", nameof(keyFilePath));
            KeyFilePath = Path.GetFullPath(keyFilePath);
        }

        public SecretStoreKind Kind => SecretStoreKind.KeyFile;

        public string KeyFilePath { get; }

        public string Protect(string connectionName, SecureString secret)
        {
            if (secret == null) throw new ArgumentNullException(nameof(secret));
            byte[] key = ReadOrCreateKey();
            byte[] plain = SecureStringBytes.ToUtf8(secret);
            try
            {
                byte[] iv = RandomBytes(IvLength);
                byte[] cipher;
                using (Aes aes = NewAes(key, iv))
                using (ICryptoTransform enc = aes.CreateEncryptor())
                {
                    cipher = enc.TransformFinalBlock(plain, 0, plain.Length);
                }
                byte[] mac = Mac(key, iv, cipher, 0, cipher.Length);
                byte[] blob = new byte[IvLength + cipher.Length + MacLength];
                Buffer.BlockCopy(iv, 0, blob, 0, IvLength);
                Buffer.BlockCopy(cipher, 0, blob, IvLength, cipher.Length);
                Buffer.BlockCopy(mac, 0, blob, IvLength + cipher.Length, MacLength);
                return Prefix + Convert.ToBase64String(blob);
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
                Array.Clear(key, 0, key.Length);
            }
        }

        public SecureString Unprotect(string connectionName, string protectedSecret)
        {
            byte[] blob = Decode(connectionName, protectedSecret);
            if (!File.Exists(KeyFilePath))
                throw new ConnectionSecretException("The secret of connection '" + connectionName + "' cannot be read: the key file '" + KeyFilePath +
                    "' does not exist. Save the connection and its secret again.");
            byte[] key = ReadKey();
            try
            {
                int cipherLength = blob.Length - IvLength - MacLength;
                byte[] iv = new byte[IvLength];
                Buffer.BlockCopy(blob, 0, iv, 0, IvLength);
                byte[] expected = Mac(key, iv, blob, IvLength, cipherLength);
                if (!FixedTimeEquals(expected, blob, IvLength + cipherLength))
                    throw new ConnectionSecretException("The secret of connection '" + connectionName + "' cannot be read with the key file '" + KeyFilePath +
                        "': it was saved with another key (the key file was replaced, or the connections file was copied from another account). Save the connection and its secret again.");
                using (Aes aes = NewAes(key, iv))
                using (ICryptoTransform dec = aes.CreateDecryptor())
                {
                    byte[] plain = dec.TransformFinalBlock(blob, IvLength, cipherLength);
                    try { return SecureStringBytes.FromUtf8(plain); }
                    finally { Array.Clear(plain, 0, plain.Length); }
                }
            }
            finally
            {
                Array.Clear(key, 0, key.Length);
            }
        }

        public void Forget(string protectedSecret) { }

        private static byte[] Decode(string connectionName, string protectedSecret)
        {
            byte[]? blob = null;
            if (protectedSecret != null && protectedSecret.StartsWith(Prefix, StringComparison.Ordinal))
            {
                try { blob = Convert.FromBase64String(protectedSecret.Substring(Prefix.Length)); }
                catch (FormatException) { blob = null; }
            }
            if (blob == null || blob.Length < IvLength + 16 + MacLength || (blob.Length - IvLength - MacLength) % 16 != 0)
                throw new ConnectionSecretException("The secret of connection '" + connectionName + "' is damaged in the connections file. Save the connection and its secret again.");
            return blob;
        }

        private byte[] ReadOrCreateKey()
        {
            if (File.Exists(KeyFilePath)) return ReadKey();
            string folder = Path.GetDirectoryName(KeyFilePath) ?? ".";
            OwnerOnlyFiles.EnsureFolder(folder);
            byte[] key = RandomBytes(KeyLength);
            string temp = Path.Combine(folder, "." + Path.GetFileName(KeyFilePath) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                using (var fs = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    OwnerOnlyFiles.RestrictFile(temp);
                    fs.Write(key, 0, key.Length);
                    fs.Flush(true);
                }
                // Move without overwriting: when another process created the key first, use that one.
                try { File.Move(temp, KeyFilePath); }
                catch (IOException) when (File.Exists(KeyFilePath))
                {
                    Array.Clear(key, 0, key.Length);
                    return ReadKey();
                }
                return key;
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        private byte[] ReadKey()
        {
            byte[] key;
            try { key = File.ReadAllBytes(KeyFilePath); }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ConnectionSecretException("The key file '" + KeyFilePath + "' cannot be read: " + e.Message, e);
            }
            if (key.Length != KeyLength)
                throw new ConnectionSecretException("The key file '" + KeyFilePath + "' is not an OclcCataloging key file (it must hold exactly " + KeyLength + " bytes).");
            return key;
        }

        private static Aes NewAes(byte[] key, byte[] iv)
        {
            Aes aes = Aes.Create();
            aes.Mode = CipherMode.CBC;
            aes.Padding = PaddingMode.PKCS7;
            byte[] encryptionKey = new byte[32];
            Buffer.BlockCopy(key, 0, encryptionKey, 0, 32);
            aes.Key = encryptionKey;
            aes.IV = iv;
            Array.Clear(encryptionKey, 0, encryptionKey.Length);
            return aes;
        }

        private static byte[] Mac(byte[] key, byte[] iv, byte[] cipher, int offset, int count)
        {
            byte[] macKey = new byte[32];
            Buffer.BlockCopy(key, 32, macKey, 0, 32);
            using (var hmac = new HMACSHA256(macKey))
            {
                Array.Clear(macKey, 0, macKey.Length);
                hmac.TransformBlock(MacLabel, 0, MacLabel.Length, null, 0);
                hmac.TransformBlock(iv, 0, iv.Length, null, 0);
                hmac.TransformFinalBlock(cipher, offset, count);
                return hmac.Hash!;
            }
        }

        private static bool FixedTimeEquals(byte[] expected, byte[] blob, int offset)
        {
            int diff = 0;
            for (int i = 0; i < MacLength; i++) diff |= expected[i] ^ blob[offset + i];
            return diff == 0;
        }

        private static byte[] RandomBytes(int count)
        {
            byte[] b = new byte[count];
            using (var rng = RandomNumberGenerator.Create()) rng.GetBytes(b);
            return b;
        }
    }
}
