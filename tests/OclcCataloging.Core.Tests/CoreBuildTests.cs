using System.Reflection;
using System.Runtime.Versioning;
using OclcCataloging.Marc;
using Xunit;

namespace OclcCataloging.Core.Tests;

/// <summary>The same tests run against both builds of the core (OclcCataloging.Core.Tests and .NetStandard): each must load the build it names.</summary>
public sealed class CoreBuildTests
{
    [Fact]
    public void Runs_against_the_intended_build_of_the_core()
    {
        string? framework = typeof(MarcRecord).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
#if CORE_NETSTANDARD
        Assert.Equal(".NETStandard,Version=v2.0", framework);
#else
        Assert.Equal(".NETCoreApp,Version=v8.0", framework);
#endif
    }
}
