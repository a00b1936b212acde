namespace OclcCataloging.Marc.Validation
{
    /// <summary>A validation rule: a stable id, the level it belongs to, its default severity and what it checks.</summary>
    public sealed class MarcRule
    {
        public MarcRule(string id, ValidationLevel level, ValidationSeverity defaultSeverity, string description)
        {
            Id = id;
            Level = level;
            DefaultSeverity = defaultSeverity;
            Description = description;
        }

        /// <summary>Stable identifier, e.g. <c>IsbnCheckDigit</c>; used by exclusions and rules files.</summary>
        public string Id { get; }

        public ValidationLevel Level { get; }

        public ValidationSeverity DefaultSeverity { get; }

        public string Description { get; }

        public override string ToString() => Id;
    }
}
