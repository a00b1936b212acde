namespace OclcCataloging.Fuzz;

/// <summary>Placeholder: replaced below.</summary>
public static class InProcessFuzzer
{
    public static int Run(FuzzTarget target, string[] args) => 0;
}
