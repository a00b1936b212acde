namespace OclcCataloging.Marc.Validation
{
    /// <summary>Which rules run: <see cref="Basic"/> (structure and required elements) or <see cref="Full"/> (all).</summary>
    public enum ValidationLevel
    {
        /// <summary>No validation (used by export commands' -Validate None).</summary>
        None = 0,
        Basic = 1,
        Full = 2,
    }
}
