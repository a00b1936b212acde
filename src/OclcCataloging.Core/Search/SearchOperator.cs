namespace OclcCataloging.Search
{
    /// <summary>How a term joins the terms before it.</summary>
    public enum SearchOperator
    {
        And,
        Or,
        Not,
    }
}
