namespace OclcCataloging.Search
{
    public enum KeySearchStatus
    {
        Found,
        NotFound,
        /// <summary>More hits than the too-many threshold: nothing downloaded (Connexion semantics).</summary>
        TooMany,
        Error,
    }
}
