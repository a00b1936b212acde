using System.Management.Automation;
using System.Net;
using System.Security;
using OclcCataloging.Connections;

namespace OclcCataloging.Commands
{
    /// <summary>A saved connection with its secret read back (as a SecureString), ready to build a search target or gateway client.</summary>
    internal sealed class ResolvedConnection
    {
        private readonly SecureString? _secret;

        internal ResolvedConnection(ConnectionProfile profile, SecureString? secret, string storePath)
        {
            Profile = profile;
            _secret = secret;
            StorePath = storePath;
        }

        /// <summary>The profile: <see cref="ConnectionProfile.Settings"/> (keys in <see cref="ConnectionSettingNames"/>) and <see cref="ConnectionProfile.IndexMap"/>.</summary>
        internal ConnectionProfile Profile { get; }

        /// <summary>The connections file the profile came from (for messages).</summary>
        internal string StorePath { get; }

        private bool HasCredential => Profile.UserName != null || _secret != null;

        /// <summary>
        /// The credential for a client's options (a new object on each call; null when the profile has neither user
        /// name nor secret): UserName = the WorldCat client id or gateway logon id; Password = the secret ("" when the
        /// profile has a user name but no secret). Built from the SecureString, so the secret is plain text only
        /// where the client reads it.
        /// </summary>
        internal NetworkCredential? Credential =>
            HasCredential ? new NetworkCredential(Profile.UserName ?? string.Empty, _secret ?? new SecureString()) : null;

        /// <summary>The credential as a PSCredential (e.g. for a gateway logon), or null.</summary>
        internal PSCredential? ToPSCredential() =>
            HasCredential ? new PSCredential(Profile.UserName ?? string.Empty, _secret?.Copy() ?? new SecureString()) : null;
    }
}
