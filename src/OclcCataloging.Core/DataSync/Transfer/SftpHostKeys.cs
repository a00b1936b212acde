using System;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>
    /// Host key pinning: the connection stores the server's SHA-256 fingerprint as OpenSSH prints it
    /// (<c>SHA256:</c> + unpadded base64, as <c>ssh-keygen -l</c> shows); a different key refuses to connect.
    /// </summary>
    public static class SftpHostKeys
    {
        private const string Prefix = "SHA256:";

        /// <summary>The fingerprint in its stored form (prefix added, base64 padding removed); null for empty input.</summary>
        public static string? Normalize(string? fingerprint)
        {
            if (string.IsNullOrWhiteSpace(fingerprint)) return null;
            string value = fingerprint!.Trim();
            if (value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) value = value.Substring(Prefix.Length);
            return Prefix + value.TrimEnd('=');
        }

        /// <summary>Whether the offered fingerprint is the pinned one (base64 is case-sensitive).</summary>
        public static bool Matches(string? pinned, string offered) =>
            pinned != null && string.Equals(Normalize(pinned), Normalize(offered), StringComparison.Ordinal);

        /// <summary>Checks the server's key against the pin; throws the failure that stops the run.</summary>
        public static void Verify(SftpEndpoint endpoint, string offered)
        {
            string shown = Normalize(offered)!;
            if (endpoint.HostKeyFingerprint == null)
                throw new SftpTransferException(SftpFailure.HostKeyNotPinned,
                    "No host key is pinned for " + endpoint + ". The server presented " + shown + "; check it with OCLC (or the server's administrator) and pin it in the connection.",
                    offeredHostKey: shown);
            if (!Matches(endpoint.HostKeyFingerprint, offered))
                throw new SftpTransferException(SftpFailure.HostKeyChanged,
                    "The host key of " + endpoint + " changed: pinned " + Normalize(endpoint.HostKeyFingerprint) + ", presented " + shown + ". Nothing was sent. If the server's key really changed, confirm the new one with OCLC and pin it in the connection.",
                    offeredHostKey: shown);
        }
    }
}
