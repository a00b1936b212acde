using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace OclcCataloging.Module
{
    /// <summary>
    /// Decides which failed assembly loads the module answers from its Dependencies folder. Windows PowerShell
    /// raises AssemblyResolve for every failed load in the process, other modules' included, so answering by simple
    /// name alone would hand our Polly to a module that asked for its own. The rule (see
    /// docs/design/module-dependencies.md):
    /// <list type="bullet">
    /// <item>only names of assemblies shipped in the Dependencies folder are ever answered;</item>
    /// <item>a request from one of our assemblies (a file in the module's bin folder or its Dependencies folder) is
    /// answered by simple name, since Polly's references name older versions than the files shipped beside it;</item>
    /// <item>a request from anyone else, or with no requesting assembly, only when it names the shipped assembly
    /// exactly (name, version, culture and public key token).</item>
    /// </list>
    /// </summary>
    internal sealed class DependencyScope
    {
        private readonly string _moduleFolder;
        private readonly string _dependencyFolder;
        private readonly Dictionary<string, AssemblyName> _shipped = new Dictionary<string, AssemblyName>(StringComparer.OrdinalIgnoreCase);

        /// <param name="moduleFolder">The folder of the module assembly (bin/&lt;framework&gt;).</param>
        /// <param name="dependencyFolder">The Dependencies folder.</param>
        /// <param name="shipped">The identities of the assemblies in <paramref name="dependencyFolder"/>.</param>
        internal DependencyScope(string moduleFolder, string dependencyFolder, IEnumerable<AssemblyName> shipped)
        {
            _moduleFolder = WithSeparator(Path.GetFullPath(moduleFolder));
            _dependencyFolder = Path.GetFullPath(dependencyFolder);
            foreach (AssemblyName name in shipped)
                if (name.Name != null) _shipped[name.Name] = name;
        }

        /// <summary>The scope of the assemblies found in <paramref name="dependencyFolder"/> (none when it does not exist).</summary>
        internal static DependencyScope FromFolder(string moduleFolder, string dependencyFolder)
        {
            var shipped = new List<AssemblyName>();
            if (Directory.Exists(dependencyFolder))
            {
                foreach (string file in Directory.GetFiles(dependencyFolder, "*.dll"))
                {
                    try { shipped.Add(AssemblyName.GetAssemblyName(file)); }
                    catch (BadImageFormatException) { }
                }
            }
            return new DependencyScope(moduleFolder, dependencyFolder, shipped);
        }

        /// <summary>
        /// The file to load for <paramref name="requested"/>, or null when the request is not ours to answer.
        /// </summary>
        /// <param name="requested">The assembly that failed to load, as the runtime named it.</param>
        /// <param name="requesterPath">
        /// The file of the assembly whose reference failed to load; null when there is none (a load by name), empty
        /// for an assembly without a file (dynamic or loaded from bytes).
        /// </param>
        internal string? FileFor(AssemblyName requested, string? requesterPath)
        {
            if (requested.Name == null || !_shipped.TryGetValue(requested.Name, out AssemblyName? shipped)) return null;
            bool answers = IsOurs(requesterPath)
                || string.Equals(requested.FullName, shipped.FullName, StringComparison.OrdinalIgnoreCase);
            return answers ? PathOf(shipped) : null;
        }

        /// <summary>The shipped file of the dependency named <paramref name="simpleName"/>, or null when none is shipped.</summary>
        internal string? ShippedFile(string simpleName) =>
            _shipped.TryGetValue(simpleName, out AssemblyName? shipped) ? PathOf(shipped) : null;

        private string PathOf(AssemblyName shipped) => Path.Combine(_dependencyFolder, shipped.Name + ".dll");

        private bool IsOurs(string? requesterPath)
        {
            if (string.IsNullOrEmpty(requesterPath)) return false;
            return Path.GetFullPath(requesterPath).StartsWith(_moduleFolder, StringComparison.OrdinalIgnoreCase);
        }

        private static string WithSeparator(string folder) =>
            folder.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal) ? folder : folder + Path.DirectorySeparatorChar;
    }
}
