using System;
using System.Net;

namespace OclcCataloging.Gateway
{
    /// <summary>
    /// What identifies the sender to the receiver: the "Send User ID" value (<c>U</c>) and the local system logon
    /// ID (<c>A</c>) and password (<c>P</c>) from a <see cref="NetworkCredential"/>. Any of them may be absent.
    /// The password is read from the credential only while the request is encoded; it never appears in
    /// <see cref="ToString"/>, messages or exceptions.
    /// </summary>
    public sealed class GatewayLogon
    {
        public GatewayLogon(string? userId, NetworkCredential? credential)
        {
            UserId = string.IsNullOrEmpty(userId) ? null : userId;
            Credential = credential;
        }

        /// <summary>The "Send User ID" field (<c>U</c>), or null.</summary>
        public string? UserId { get; }

        /// <summary>The local system logon ID (<c>A</c>) and password (<c>P</c>), or null.</summary>
        public NetworkCredential? Credential { get; }

        /// <summary>The local system logon ID, or null.</summary>
        public string? LogonId => string.IsNullOrEmpty(Credential?.UserName) ? null : Credential!.UserName;

        /// <summary>True when a non-empty password is set.</summary>
        public bool HasPassword
        {
            get
            {
                if (Credential == null) return false;
                using (var copy = Credential.SecurePassword) return copy != null && copy.Length > 0;
            }
        }

        /// <summary>
        /// The logon ID as it may be shown: masked when it may carry a secret (a FOLIO <c>tenant user password</c>
        /// string holds blanks; a FOLIO API key is long), otherwise as it is.
        /// </summary>
        public string? DisplayLogonId
        {
            get
            {
                string? a = LogonId;
                if (a == null) return null;
                if (a.IndexOf(' ') >= 0 || a.Length > 40) return a.Substring(0, Math.Min(4, a.Length)) + "…(masked)";
                return a;
            }
        }

        public override string ToString()
        {
            return "UserId=" + (UserId ?? "(none)") + ", LogonId=" + (DisplayLogonId ?? "(none)") + ", Password=" + (HasPassword ? "(set)" : "(none)");
        }
    }
}
