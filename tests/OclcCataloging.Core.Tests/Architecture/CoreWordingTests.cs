using System.Text.RegularExpressions;
using OclcCataloging.Core.Tests.TestSupport;
using Xunit;

namespace OclcCataloging.Core.Tests.Architecture;

/// <summary>
/// Core states facts; the cmdlets word what to type. No string literal in src/OclcCataloging.Core names a cmdlet
/// (Verb-Noun) or a parameter (" -Name").
/// </summary>
public sealed class CoreWordingTests
{

    private static readonly Regex Literal = new(@"""(?:[^""\\\r\n]|\\.)*""", RegexOptions.Compiled);
    private static readonly Regex CmdletOrParameter = new(
        @"(?:^|[\s(""'])-[A-Z][a-z]+[A-Za-z]*|\b(?:Import|Export|Test|Get|Set|New|Send|Invoke|Start|Stop|Remove|ConvertTo|ConvertFrom)-[A-Z][a-z]+",
        RegexOptions.Compiled);

    [Fact]
    public void Core_strings_name_no_cmdlet_or_parameter()
    {
        Assert.NotNull(TestPaths.RepoRoot);
        string core = Path.Combine(TestPaths.RepoRoot!, "src", "OclcCataloging.Core");
        var found = new List<string>();
        foreach (string file in Directory.EnumerateFiles(core, "*.cs", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(core, file).Replace('\\', '/');
            if (relative.StartsWith("obj/") || relative.StartsWith("bin/")) continue;
            int lineNumber = 0;
            foreach (string line in File.ReadLines(file))
            {
                lineNumber++;
                if (line.TrimStart().StartsWith("//")) continue;
                foreach (Match m in Literal.Matches(line))
                    if (CmdletOrParameter.IsMatch(m.Value)) found.Add(relative + ":" + lineNumber + ": " + m.Value);
            }
        }
        Assert.True(found.Count == 0, "Core wording that belongs to the cmdlets:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("\"Use -Format MarcXml\"", true)]
    [InlineData("\"Split it with Export-DataSyncFile.\"", true)]
    [InlineData("\"(-Resume)\"", true)]
    [InlineData("\"1234567-OCWMS\"", false)]
    [InlineData("\"UTF-8 and ISO-2709\"", false)]
    [InlineData("\"a -1 offset\"", false)]
    public void The_pattern_tells_wording_from_data(string literal, bool names) =>
        Assert.Equal(names, CmdletOrParameter.IsMatch(literal));
}
