using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>
    /// A folder that keeps the records Koha did not take, one ISO 2709 file each, in a sub-folder per
    /// <see cref="KohaSpoolState"/>. Names sort in arrival order. Files are written to a temporary name and renamed,
    /// and a state change is a rename, so a record is in exactly one place (docs/design/koha-receiver.md §5).
    /// </summary>
    public sealed class KohaSpool
    {
        private static long _counter;

        public KohaSpool(string folder)
        {
            Folder = Path.GetFullPath(folder ?? throw new ArgumentNullException(nameof(folder)));
            foreach (KohaSpoolState s in Enum.GetValues(typeof(KohaSpoolState))) Directory.CreateDirectory(StateFolder(s));
        }

        public string Folder { get; }

        public string StateFolder(KohaSpoolState state) => Path.Combine(Folder, state.ToString().ToLowerInvariant());

        /// <summary>Keeps <paramref name="bytes"/> in <paramref name="state"/>; returns the file name.</summary>
        public string Add(byte[] bytes, KohaSpoolState state, string? reason = null)
        {
            string name = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfffffff", CultureInfo.InvariantCulture) + "-"
                + Interlocked.Increment(ref _counter).ToString("D8", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N").Substring(0, 8) + ".mrc";
            string target = Path.Combine(StateFolder(state), name);
            string temp = target + ".tmp";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, target);
            if (!string.IsNullOrEmpty(reason))
            {
                try { File.WriteAllText(Path.ChangeExtension(target, ".why.txt"), reason + Environment.NewLine); } catch (IOException) { }
            }
            return name;
        }

        /// <summary>Entries in <paramref name="state"/>, oldest first.</summary>
        public IReadOnlyList<KohaSpoolEntry> List(KohaSpoolState state)
        {
            var dir = new DirectoryInfo(StateFolder(state));
            if (!dir.Exists) return Array.Empty<KohaSpoolEntry>();
            return dir.GetFiles("*.mrc").OrderBy(f => f.Name, StringComparer.Ordinal)
                .Select(f => new KohaSpoolEntry(f.FullName, state, f.Length, f.CreationTimeUtc)).ToList();
        }

        /// <summary>Moves an entry to another state (its reason note follows); returns the moved entry.</summary>
        public KohaSpoolEntry Move(KohaSpoolEntry entry, KohaSpoolState state, string? reason = null)
        {
            string target = Path.Combine(StateFolder(state), entry.Name);
            File.Move(entry.Path, target);
            string why = Path.ChangeExtension(entry.Path, ".why.txt");
            string whyTarget = Path.ChangeExtension(target, ".why.txt");
            try
            {
                if (File.Exists(why)) File.Move(why, whyTarget);
                if (!string.IsNullOrEmpty(reason)) File.AppendAllText(whyTarget, reason + Environment.NewLine);
            }
            catch (IOException) { }
            return new KohaSpoolEntry(target, state, entry.Length, entry.SpooledUtc);
        }

        /// <summary>Removes a record Koha took.</summary>
        public void Remove(KohaSpoolEntry entry)
        {
            File.Delete(entry.Path);
            try { File.Delete(Path.ChangeExtension(entry.Path, ".why.txt")); } catch (IOException) { }
        }

        /// <summary>Records left in flight by a stopped resend: their outcome is unknown.</summary>
        public int RecoverInFlight()
        {
            int n = 0;
            foreach (KohaSpoolEntry e in List(KohaSpoolState.InFlight))
            {
                Move(e, KohaSpoolState.Unknown, "was being sent when the resend stopped");
                n++;
            }
            return n;
        }
    }
}
