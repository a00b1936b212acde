namespace OclcCataloging.Search.IdLoc
{
    /// <summary>Which LC authority file id.loc.gov searches.</summary>
    public enum IdLocScheme
    {
        /// <summary>LC Name Authority File (/authorities/names).</summary>
        Names,
        /// <summary>LC Subject Headings (/authorities/subjects).</summary>
        Subjects,
        /// <summary>Every authority scheme (/authorities); the label service returns the first hit only.</summary>
        All,
    }
}
