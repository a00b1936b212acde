using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using System.Security;
using System.Text;

namespace OclcCataloging.Connections
{
    /// <summary>
    /// Windows DPAPI for the current user (CryptProtectData through crypt32, no extra package). The stored text is
    /// exactly what <c>ConvertFrom-SecureString</c> without a key writes: the lower-case hex of the DPAPI blob of
    /// the secret's UTF-16LE bytes. So <c>ConvertTo-SecureString $hex</c> reads it, and it is the same form
    /// Export-Clixml uses for a SecureString (&lt;SS&gt;…&lt;/SS&gt;). Only the same user on the same computer can read it.
    /// </summary>
    public sealed class DpapiSecretProtector : ISecretProtector
    {
        private const int CryptProtectUiForbidden = 0x1;

        public static bool IsSupported => RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        public SecretStoreKind Kind => SecretStoreKind.Dpapi;

        public string Protect(string connectionName, SecureString secret)
        {
            if (secret == null) throw new ArgumentNullException(nameof(secret));
            RequireWindows(connectionName);
            byte[] plain = SecureStringBytes.ToUtf16(secret);
            try
            {
                return ToHex(Transform(plain, protect: true));
            }
            catch (Win32Exception e)
            {
                throw new ConnectionSecretException("Windows could not protect the secret of connection '" + connectionName + "' with DPAPI: " + e.Message, e);
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }

        public SecureString Unprotect(string connectionName, string protectedSecret)
        {
            RequireWindows(connectionName);
            byte[]? blob = FromHex(protectedSecret);
            if (blob == null)
                throw new ConnectionSecretException("The secret of connection '" + connectionName + "' is damaged in the connections file. Save the connection and its secret again.");
            byte[] plain;
            try
            {
                plain = Transform(blob, protect: false);
            }
            catch (Win32Exception e)
            {
                throw new ConnectionSecretException("The secret of connection '" + connectionName + "' cannot be read with DPAPI (" + e.Message +
                    "). DPAPI secrets can only be read by the Windows user who saved them, on the same computer: save the connection again as the account that runs the task.", e);
            }
            try { return SecureStringBytes.FromUtf16(plain); }
            finally { Array.Clear(plain, 0, plain.Length); }
        }

        public void Forget(string protectedSecret) { }

        private static void RequireWindows(string connectionName)
        {
            if (!IsSupported)
                throw new ConnectionSecretException("The secret of connection '" + connectionName + "' uses Windows DPAPI, which is not available on this system.");
        }

        internal static string ToHex(byte[] bytes)
        {
            var sb = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes) sb.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return sb.ToString();
        }

        internal static byte[]? FromHex(string? text)
        {
            if (string.IsNullOrEmpty(text) || text!.Length % 2 != 0) return null;
            byte[] bytes = new byte[text.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int hi = HexValue(text[2 * i]), lo = HexValue(text[2 * i + 1]);
                if (hi < 0 || lo < 0) return null;
                bytes[i] = (byte)((hi << 4) | lo);
            }
            return bytes;
        }

        private static int HexValue(char c) =>
            c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

        private static byte[] Transform(byte[] input, bool protect)
        {
            var inBlob = new DataBlob();
            var outBlob = new DataBlob();
            GCHandle pin = GCHandle.Alloc(input, GCHandleType.Pinned);
            try
            {
                inBlob.cbData = input.Length;
                inBlob.pbData = pin.AddrOfPinnedObject();
                bool ok = protect
                    ? CryptProtectData(ref inBlob, string.Empty, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, CryptProtectUiForbidden, ref outBlob)
                    : CryptUnprotectData(ref inBlob, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, CryptProtectUiForbidden, ref outBlob);
                if (!ok) throw new Win32Exception(Marshal.GetLastWin32Error());
                byte[] result = new byte[outBlob.cbData];
                Marshal.Copy(outBlob.pbData, result, 0, outBlob.cbData);
                return result;
            }
            finally
            {
                pin.Free();
                if (outBlob.pbData != IntPtr.Zero)
                {
                    for (int i = 0; i < outBlob.cbData; i++) Marshal.WriteByte(outBlob.pbData, i, 0);
                    LocalFree(outBlob.pbData);
                }
            }
        }

        [StructLayout(LayoutKind.Sequential)]
        private struct DataBlob
        {
            public int cbData;
            public IntPtr pbData;
        }

        [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool CryptProtectData(ref DataBlob pDataIn, string szDataDescr, IntPtr pOptionalEntropy, IntPtr pvReserved,
            IntPtr pPromptStruct, int dwFlags, ref DataBlob pDataOut);

        [DllImport("crypt32.dll", SetLastError = true, CharSet = CharSet.Unicode)]
        private static extern bool CryptUnprotectData(ref DataBlob pDataIn, IntPtr ppszDataDescr, IntPtr pOptionalEntropy, IntPtr pvReserved,
            IntPtr pPromptStruct, int dwFlags, ref DataBlob pDataOut);

        [DllImport("kernel32.dll")]
        private static extern IntPtr LocalFree(IntPtr hMem);
    }
}
