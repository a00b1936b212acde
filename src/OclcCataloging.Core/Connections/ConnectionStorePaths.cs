using System;
using System.IO;
using System.Runtime.InteropServices;

namespace OclcCataloging.Connections
{
    /// <summary>Where the current user's connections file is.</summary>
    public static class ConnectionStorePaths
    {
        /// <summary>Environment variable that overrides the connections file path.</summary>
        public const string PathVariable = "OCLC_CONNECTIONS_PATH";

        private const string FolderName = "OclcCataloging";
        private const string FileName = "connections.json";

        /// <summary>
        /// $OCLC_CONNECTIONS_PATH when set; otherwise %APPDATA%\OclcCataloging\connections.json on Windows and
        /// $XDG_CONFIG_HOME/OclcCataloging/connections.json (default ~/.config/...) elsewhere.
        /// </summary>
        public static string Default()
        {
            string? overridden = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrWhiteSpace(overridden)) return Path.GetFullPath(overridden);
            return Path.Combine(ConfigFolder(), FolderName, FileName);
        }

        /// <summary>The key file used with <see cref="SecretStoreKind.KeyFile"/>: the connections file's name with .key.</summary>
        public static string KeyFileFor(string connectionsPath) => Path.ChangeExtension(connectionsPath, ".key");

        private static string ConfigFolder()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                return Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData);
            string? xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg)) return xdg;
            string home = Environment.GetEnvironmentVariable("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return Path.Combine(home, ".config");
        }
    }
}
