using Xunit;

namespace OclcCataloging.Core.Tests;

/// <summary>
/// Tests that measure the whole test process (its managed memory, its open file descriptors) run in this collection,
/// which xunit runs on its own after the others: with other test classes running beside them, another test's files
/// and sockets would count as theirs (a soak once saw 91 "new" handles that were a neighbour's).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMeasurements
{
    public const string Name = "Process-wide measurements";
}
