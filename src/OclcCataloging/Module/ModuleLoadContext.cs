#if NET8_0_OR_GREATER
using System.Reflection;
using System.Runtime.Loader;

namespace OclcCataloging.Module
{
    /// <summary>
    /// The private load context for the Dependencies folder. The assemblies shipped there load here; everything else
    /// (the framework, PowerShell, OclcCataloging.Core) falls back to the default context, so types are shared.
    /// Only loads made from inside this context reach <see cref="Load"/>, so it never answers another module.
    /// </summary>
    internal sealed class ModuleLoadContext : AssemblyLoadContext
    {
        internal static readonly ModuleLoadContext Instance = new ModuleLoadContext(DependencyLoader.Scope);

        private readonly DependencyScope _scope;

        private ModuleLoadContext(DependencyScope scope) : base("OclcCataloging-Dependencies", isCollectible: false)
        {
            _scope = scope;
        }

        protected override Assembly? Load(AssemblyName assemblyName)
        {
            // The core is shared with the default context (build.ps1 keeps it out of Dependencies; this guards a stray copy).
            if (assemblyName.Name == null || assemblyName.Name == "OclcCataloging.Core") return null;
            string? path = _scope.ShippedFile(assemblyName.Name);
            return path == null ? null : LoadFromAssemblyPath(path);
        }
    }
}
#endif
