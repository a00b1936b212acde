using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// Turns the PowerShell paths users type (relative, PSDrive-qualified, with wildcards or literal) into
    /// file-system paths, and describes the failures as error records with stable ids.
    /// </summary>
    internal static class ProviderPaths
    {
        private const string FileSystemProviderName = "FileSystem";

        /// <summary>True when two file-system paths name the same file (case-insensitively where the file system is, on Windows).</summary>
        internal static bool SamePath(string a, string b)
        {
            var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            return string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), comparison);
        }

        /// <summary>
        /// Resolves one -Path or -LiteralPath value to the files it names. Problems (no such file, a wildcard
        /// that matches nothing, a folder named explicitly, a path on another provider) are written as
        /// non-terminating errors and nothing is returned for them. Folders matched by a wildcard are skipped.
        /// </summary>
        internal static IList<string> ResolveInputFiles(PSCmdlet cmdlet, string path, bool literal)
        {
            var files = new List<string>();
            if (string.IsNullOrEmpty(path)) return files;

            ProviderInfo provider;
            Collection<string> candidates;
            bool expanded = !literal && WildcardPattern.ContainsWildcardCharacters(path);
            try
            {
                if (literal)
                {
                    string resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
                    candidates = new Collection<string> { resolved };
                }
                else
                {
                    candidates = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
                }
            }
            catch (ItemNotFoundException)
            {
                cmdlet.WriteError(FileNotFound(path, "Cannot find the file '" + path + "' because it does not exist." + LiteralHint(cmdlet, path, expanded)));
                return files;
            }
            catch (Exception e) when (e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is PSArgumentException || e is NotSupportedException)
            {
                cmdlet.WriteError(new ErrorRecord(e, ErrorIds.FileNotFound, ErrorCategory.ObjectNotFound, path));
                return files;
            }

            if (!IsFileSystem(provider))
            {
                cmdlet.WriteError(NotFileSystem(path, provider));
                return files;
            }

            if (candidates.Count == 0)
            {
                cmdlet.WriteError(FileNotFound(path, "No file matches the path '" + path + "'." + LiteralHint(cmdlet, path, expanded)));
                return files;
            }

            foreach (string candidate in candidates)
            {
                if (Directory.Exists(candidate))
                {
                    if (!expanded)
                    {
                        cmdlet.WriteError(new ErrorRecord(
                            new IOException("'" + candidate + "' is a folder, not a MARC file. Name the files, e.g. '" + Path.Combine(candidate, "*.mrc") + "'."),
                            ErrorIds.PathIsDirectory, ErrorCategory.InvalidArgument, candidate));
                    }
                    continue;
                }
                if (!File.Exists(candidate))
                {
                    cmdlet.WriteError(FileNotFound(candidate, "Cannot find the file '" + candidate + "' because it does not exist."));
                    continue;
                }
                files.Add(candidate);
            }
            return files;
        }

        /// <summary>
        /// Resolves the file an output cmdlet writes, the way Export-Csv and Out-File do: -LiteralPath is taken
        /// as it is; -Path may use a wildcard that matches exactly one existing file, otherwise it names a new file.
        /// Throws a terminating error when the path cannot be a file-system file.
        /// </summary>
        internal static string ResolveOutputFile(PSCmdlet cmdlet, string path, bool literal)
        {
            ProviderInfo provider;
            string resolved;
            try
            {
                if (literal)
                {
                    resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
                }
                else
                {
                    Collection<string> matches;
                    try
                    {
                        matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
                    }
                    catch (ItemNotFoundException)
                    {
                        matches = new Collection<string>();
                        provider = null!;
                    }
                    if (matches.Count > 1)
                    {
                        cmdlet.ThrowTerminatingError(new ErrorRecord(
                            new IOException("The path '" + path + "' matches " + matches.Count + " files; Export-MarcFile writes one file. Give one file name, or use -LiteralPath."),
                            ErrorIds.MultipleFilesNotSupported, ErrorCategory.InvalidArgument, path));
                    }
                    if (matches.Count == 1)
                    {
                        resolved = matches[0];
                    }
                    else
                    {
                        resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
                    }
                }
            }
            catch (Exception e) when (e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is PSArgumentException || e is NotSupportedException)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(e, ErrorIds.DirectoryNotFound, ErrorCategory.ObjectNotFound, path));
                throw; // not reached
            }

            if (!IsFileSystem(provider)) cmdlet.ThrowTerminatingError(NotFileSystem(path, provider));
            return resolved;
        }

        /// <summary>
        /// Resolves a file to write and stops the command when it names a folder (a missing folder is created when the file is written).
        /// <paramref name="what"/> names the path in messages (e.g. "-RejectPath"); <paramref name="exampleName"/> is
        /// the file name suggested when a folder was given.
        /// </summary>
        internal static string ResolveWritableFile(PSCmdlet cmdlet, string path, bool literal, string what, string exampleName)
        {
            string resolved = ResolveOutputFile(cmdlet, path, literal);
            if (Directory.Exists(resolved))
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(
                    new IOException(what + " '" + resolved + "' is a folder; give a file name, e.g. '" + System.IO.Path.Combine(resolved, exampleName) + "'."),
                    ErrorIds.PathIsDirectory, ErrorCategory.InvalidArgument, resolved));
            }
            // A missing folder is not an error: it is created when the file is written (docs/design/output-files.md).
            return resolved;
        }

        /// <summary>
        /// " The file 'vendor[2024].mrc' exists: [ ] * ? are wildcards in -Path; use -LiteralPath …" when a pattern that
        /// matched nothing names an existing file as written; otherwise empty.
        /// </summary>
        private static string LiteralHint(PSCmdlet cmdlet, string path, bool expanded)
        {
            if (!expanded) return string.Empty;
            try
            {
                string literal = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                if (!File.Exists(literal)) return string.Empty;
            }
            catch (Exception e) when (e is System.Management.Automation.DriveNotFoundException || e is ProviderNotFoundException || e is PSArgumentException || e is NotSupportedException)
            {
                return string.Empty;
            }
            return " A file of exactly that name exists, but [ ] * and ? are wildcard characters here: use -LiteralPath '"
                + path.Replace("'", "''") + "' (or escape each bracket with a backtick: `[ `]).";
        }

        internal static ErrorRecord FileNotFound(string target, string message)
        {
            return new ErrorRecord(new FileNotFoundException(message, target), ErrorIds.FileNotFound, ErrorCategory.ObjectNotFound, target);
        }

        private static bool IsFileSystem(ProviderInfo? provider)
        {
            return provider != null && string.Equals(provider.Name, FileSystemProviderName, StringComparison.OrdinalIgnoreCase);
        }

        private static ErrorRecord NotFileSystem(string path, ProviderInfo? provider)
        {
            return new ErrorRecord(
                new ArgumentException("The path '" + path + "' is on the " + (provider?.Name ?? "unknown") + " provider; MARC files must be on the file system."),
                ErrorIds.NotFileSystemPath, ErrorCategory.InvalidArgument, path);
        }
    }
}
