using System;
using System.IO;

namespace OclcCataloging.IO
{
    /// <summary>Recognises file-system failures that usually pass on their own.</summary>
    public static class TransientIOFailures
    {
        private const int SharingViolation = unchecked((int)0x80070020);
        private const int LockViolation = unchecked((int)0x80070021);
        private const int AccessDenied = unchecked((int)0x80070005);

        /// <summary>
        /// True for a file that is briefly locked: on Windows a virus scanner, the search indexer or a sync
        /// client often holds a freshly written file for a moment, so the final rename fails once and then works.
        /// </summary>
        public static bool IsFileInUse(Exception exception)
        {
            if (exception is UnauthorizedAccessException) return true;
            if (!(exception is IOException io) || io is FileNotFoundException || io is DirectoryNotFoundException) return false;
            int hr = io.HResult;
            return hr == SharingViolation || hr == LockViolation || hr == AccessDenied;
        }
    }
}
