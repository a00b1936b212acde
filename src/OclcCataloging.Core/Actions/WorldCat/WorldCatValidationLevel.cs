namespace OclcCataloging.Actions.WorldCat
{
    /// <summary>OCLC's validation levels for a bibliographic record.</summary>
    public enum WorldCatValidationLevel
    {
        /// <summary>validateFull: every rule, relationships between elements included.</summary>
        Full,

        /// <summary>validateAdd: the rules for adding a new record.</summary>
        Add,

        /// <summary>validateReplace: the rules for replacing an existing record.</summary>
        Replace,
    }
}
