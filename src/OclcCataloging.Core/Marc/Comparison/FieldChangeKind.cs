namespace OclcCataloging.Marc.Comparison
{
    /// <summary>What happened to a field between two versions of a record.</summary>
    public enum FieldChangeKind
    {
        /// <summary>Same content in both.</summary>
        Unchanged,
        /// <summary>Compare: the occurrence differs.</summary>
        Changed,
        /// <summary>Only in the new version.</summary>
        Added,
        /// <summary>Only in the old version.</summary>
        Removed,
        /// <summary>Merge: the existing field stays, whatever the incoming record has.</summary>
        Kept,
        /// <summary>Merge: the existing field gave way to the incoming one.</summary>
        Replaced,
        /// <summary>Merge: the incoming field was not taken.</summary>
        Ignored,
    }
}
