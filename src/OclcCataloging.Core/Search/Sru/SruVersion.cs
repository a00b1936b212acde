namespace OclcCataloging.Search.Sru
{
    /// <summary>SRU protocol version sent as version= (1.1 and 1.2 share a namespace; 2.0 uses the OASIS one).</summary>
    public enum SruVersion
    {
        V1_1,
        V1_2,
        V2_0,
    }
}
