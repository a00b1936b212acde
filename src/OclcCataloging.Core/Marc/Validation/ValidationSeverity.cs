namespace OclcCataloging.Marc.Validation
{
    /// <summary>How serious a validation finding is. A record with an <see cref="Error"/> is not valid.</summary>
    public enum ValidationSeverity
    {
        Info = 0,
        Warning = 1,
        Error = 2,
    }
}
