namespace OclcCataloging.Marc.Editing
{
    /// <summary>What a constant data entry does when the record already has the field (or subfield).</summary>
    public enum ConstantDataMode
    {
        /// <summary>Field: add another occurrence. Subfield: add it to every field with the tag.</summary>
        Add,
        /// <summary>Field: every field with the tag gives way to this one. Subfield: set it (one occurrence) in every field with the tag.</summary>
        Replace,
        /// <summary>Field: add only when the record has no field with the tag. Subfield: add only to fields without it.</summary>
        Skip,
    }
}
