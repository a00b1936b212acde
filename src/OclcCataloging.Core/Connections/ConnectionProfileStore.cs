using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using OclcCataloging.IO;

namespace OclcCataloging.Connections
{
    /// <summary>
    /// The current user's saved connection profiles, in one JSON file (see <see cref="ConnectionStorePaths.Default"/>).
    /// Every change rewrites the file atomically (temporary file + rename), owner-only (0600) on Unix. Names are
    /// case-insensitive. Two processes saving at the same moment may lose one change; the file itself is never torn.
    /// </summary>
    public sealed class ConnectionProfileStore
    {
        private static readonly UTF8Encoding Utf8NoBom = new UTF8Encoding(false, true);

        public ConnectionProfileStore(string path)
        {
            if (string.IsNullOrWhiteSpace(path)) throw new ArgumentException("A connections file path is required.", nameof(path));
            Path = System.IO.Path.GetFullPath(path);
        }

        /// <summary>The store at <see cref="ConnectionStorePaths.Default"/> (honours $OCLC_CONNECTIONS_PATH).</summary>
        public static ConnectionProfileStore OpenDefault() => new ConnectionProfileStore(ConnectionStorePaths.Default());

        public string Path { get; }

        /// <summary>The key file for <see cref="SecretStoreKind.KeyFile"/> secrets of this store.</summary>
        public string KeyFilePath => ConnectionStorePaths.KeyFileFor(Path);

        /// <summary>All profiles, sorted by name; empty when the file does not exist yet.</summary>
        public IReadOnlyList<ConnectionProfile> Load()
        {
            string text;
            try
            {
                if (!File.Exists(Path)) return Array.Empty<ConnectionProfile>();
                text = File.ReadAllText(Path, Utf8NoBom);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is DecoderFallbackException)
            {
                throw new ConnectionStoreException("Cannot read the connections file '" + Path + "': " + e.Message, Path, e);
            }
            try
            {
                return ConnectionProfileSerializer.Read(text).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
            }
            catch (Exception e) when (e is FormatException || e is ArgumentException)
            {
                throw new ConnectionStoreException("The connections file '" + Path + "' is damaged (" + e.Message + "). Fix or delete it; profiles saved in it must then be saved again.", Path, e);
            }
        }

        /// <summary>The profile with this name (case-insensitive), or null.</summary>
        public ConnectionProfile? Find(string name) =>
            Load().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

        /// <summary>Adds the profile, or replaces the one with the same name. Returns the replaced profile, or null.</summary>
        public ConnectionProfile? Save(ConnectionProfile profile)
        {
            if (profile == null) throw new ArgumentNullException(nameof(profile));
            var all = Load().ToList();
            int i = all.FindIndex(p => string.Equals(p.Name, profile.Name, StringComparison.OrdinalIgnoreCase));
            ConnectionProfile? replaced = i >= 0 ? all[i] : null;
            if (i >= 0) all[i] = profile;
            else all.Add(profile);
            Write(all);
            return replaced;
        }

        /// <summary>Removes the profile with this name; returns it, or null when there was none.</summary>
        public ConnectionProfile? Remove(string name)
        {
            var all = Load().ToList();
            int i = all.FindIndex(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (i < 0) return null;
            ConnectionProfile removed = all[i];
            all.RemoveAt(i);
            Write(all);
            return removed;
        }

        private void Write(IEnumerable<ConnectionProfile> profiles)
        {
            byte[] bytes = Utf8NoBom.GetBytes(ConnectionProfileSerializer.Write(profiles.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase)));
            try
            {
                OwnerOnlyFiles.EnsureFolder(System.IO.Path.GetDirectoryName(Path) ?? ".");
                using (var writer = new AtomicFileWriter(Path))
                {
                    OwnerOnlyFiles.RestrictFile(writer.TemporaryPath);
                    writer.Stream.Write(bytes, 0, bytes.Length);
                    writer.Commit();
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new ConnectionStoreException("Cannot write the connections file '" + Path + "': " + e.Message, Path, e);
            }
        }
    }
}
