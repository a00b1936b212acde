using System.Management.Automation;
using System.Net;
using OclcCataloging.Connections;

namespace OclcCataloging.Commands
{
    /// <summary>A saved connection with its secret read back, ready to build a search target or gateway client.</summary>
    internal sealed class ResolvedConnection
    {
        internal ResolvedConnection(ConnectionProfile profile, NetworkCredential? credential, string storePath)
        {
            Profile = profile;
            Credential = credential;
            StorePath = storePath;
        }

        /// <summary>The profile: <see cref="ConnectionProfile.Settings"/> (keys in <see cref="ConnectionSettingNames"/>) and <see cref="ConnectionProfile.IndexMap"/>.</summary>
        internal ConnectionProfile Profile { get; }

        /// <summary>
        /// UserName = the WorldCat client id or gateway logon id; Password = the secret ("" when the profile has a
        /// user name but no secret). Null when the profile has neither.
        /// </summary>
        internal NetworkCredential? Credential { get; }

        /// <summary>The connections file the profile came from (for messages).</summary>
        internal string StorePath { get; }

        /// <summary>The credential as a PSCredential (e.g. for a gateway logon), or null.</summary>
        internal PSCredential? ToPSCredential() =>
            Credential == null ? null : new PSCredential(Credential.UserName, Credential.SecurePassword);
    }
}
