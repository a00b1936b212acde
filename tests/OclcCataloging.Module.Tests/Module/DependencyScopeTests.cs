using System.Reflection;
using OclcCataloging.Module;
using Xunit;

namespace OclcCataloging.Module.Tests;

public sealed class DependencyScopeTests
{
    private const string PollyToken = "c8a3ffc3f8f825cc";
    private static readonly string ModuleFolder = Path.Combine(Path.GetTempPath(), "OclcCataloging", "bin", "net472");
    private static readonly string DependencyFolder = Path.Combine(ModuleFolder, "Dependencies");
    private static readonly string OurCmdlets = Path.Combine(ModuleFolder, "OclcCataloging.dll");
    private static readonly string OurPolly = Path.Combine(DependencyFolder, "Polly.Core.dll");
    private static readonly string OtherModule = Path.Combine(Path.GetTempPath(), "OtherModule", "OtherModule.dll");

    private static DependencyScope Scope() => new(ModuleFolder, DependencyFolder, new[]
    {
        new AssemblyName("Polly.Core, Version=8.0.0.0, Culture=neutral, PublicKeyToken=" + PollyToken),
        new AssemblyName("Microsoft.Bcl.AsyncInterfaces, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51"),
    });

    private static AssemblyName Polly(string version) => new("Polly.Core, Version=" + version + ", Culture=neutral, PublicKeyToken=" + PollyToken);

    [Fact]
    public void Another_module_asking_for_its_own_version_of_a_shipped_name_is_not_answered()
    {
        Assert.Null(Scope().FileFor(Polly("7.2.4.0"), OtherModule));
    }

    [Fact]
    public void A_name_we_do_not_ship_is_never_answered()
    {
        var scope = Scope();
        var foreign = new AssemblyName("Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed");
        Assert.Null(scope.FileFor(foreign, OtherModule));
        Assert.Null(scope.FileFor(foreign, OurCmdlets));
        Assert.Null(scope.FileFor(foreign, null));
        Assert.Null(scope.ShippedFile("Newtonsoft.Json"));
    }

    [Fact]
    public void Our_assemblies_are_answered_by_simple_name_whatever_version_they_name()
    {
        var scope = Scope();
        Assert.Equal(OurPolly, scope.FileFor(Polly("7.0.0.0"), OurCmdlets));
        // A dependency's own reference (Polly naming an older Microsoft.Bcl.AsyncInterfaces).
        var bcl = new AssemblyName("Microsoft.Bcl.AsyncInterfaces, Version=6.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51");
        Assert.Equal(Path.Combine(DependencyFolder, "Microsoft.Bcl.AsyncInterfaces.dll"), scope.FileFor(bcl, OurPolly));
    }

    [Fact]
    public void Without_a_requester_only_the_exact_shipped_identity_is_answered()
    {
        var scope = Scope();
        Assert.Equal(OurPolly, scope.FileFor(Polly("8.0.0.0"), null));
        Assert.Null(scope.FileFor(Polly("8.1.0.0"), null));
        Assert.Null(scope.FileFor(new AssemblyName("Polly.Core"), null));
    }

    [Fact]
    public void A_requester_without_a_file_or_in_a_look_alike_folder_is_not_ours()
    {
        var scope = Scope();
        Assert.Null(scope.FileFor(Polly("7.0.0.0"), string.Empty));
        Assert.Null(scope.FileFor(Polly("7.0.0.0"), Path.Combine(ModuleFolder + "-other", "OclcCataloging.dll")));
    }

    [Fact]
    public void Reads_the_shipped_identities_from_the_dependency_folder()
    {
        string root = Directory.CreateTempSubdirectory("oclc-scope-").FullName;
        try
        {
            string dependencies = Path.Combine(root, "Dependencies");
            Directory.CreateDirectory(dependencies);
            Assembly sample = typeof(FactAttribute).Assembly;
            string file = Path.Combine(dependencies, Path.GetFileName(sample.Location));
            File.Copy(sample.Location, file);
            File.WriteAllText(Path.Combine(dependencies, "not-an-assembly.dll"), "text");

            var scope = DependencyScope.FromFolder(root, dependencies);

            AssemblyName identity = sample.GetName();
            Assert.Equal(file, scope.ShippedFile(identity.Name!));
            Assert.Equal(file, scope.FileFor(new AssemblyName(identity.FullName), null));
            Assert.Equal(file, scope.FileFor(new AssemblyName(identity.FullName), OtherModule));
            Assert.Null(scope.ShippedFile("not-an-assembly"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_missing_dependency_folder_ships_nothing()
    {
        var scope = DependencyScope.FromFolder(ModuleFolder, Path.Combine(ModuleFolder, "absent"));
        Assert.Null(scope.ShippedFile("Polly.Core"));
    }
}
