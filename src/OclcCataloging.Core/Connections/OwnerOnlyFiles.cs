using System;
using System.IO;
using System.Runtime.InteropServices;

namespace OclcCataloging.Connections
{
    /// <summary>
    /// Restricts files (0600) and folders (0700) to their owner on Unix. On Windows the user's profile folder
    /// (%APPDATA%) is already private to the user, so nothing is changed there.
    /// </summary>
    internal static class OwnerOnlyFiles
    {
        private static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        internal static void RestrictFile(string path) => SetMode(path, 0x180 /* 0600 */);

        /// <summary>Creates the folder (owner-only on Unix) when it does not exist; an existing folder is left as it is.</summary>
        internal static void EnsureFolder(string folder)
        {
            if (Directory.Exists(folder)) return;
            Directory.CreateDirectory(folder);
            SetMode(folder, 0x1C0 /* 0700 */);
        }

        private static void SetMode(string path, int mode)
        {
#if NET8_0_OR_GREATER
            if (OperatingSystem.IsWindows()) return;
            File.SetUnixFileMode(path, (UnixFileMode)mode);
#else
            if (!IsUnix) return;
            if (chmod(path, mode) != 0)
                throw new IOException("Cannot restrict the permissions of '" + path + "' (errno " + Marshal.GetLastWin32Error() + ").");
#endif
        }

#if !NET8_0_OR_GREATER
        [DllImport("libc", SetLastError = true)]
        private static extern int chmod(string path, int mode);
#endif
    }
}
