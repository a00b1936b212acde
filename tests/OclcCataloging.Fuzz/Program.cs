namespace OclcCataloging.Fuzz;

public static class Program
{
    public static int Main(string[] args) => FuzzCommandLine.Run(args);
}
