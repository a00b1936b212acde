namespace OclcCataloging.Marc
{
    /// <summary>The MARC 21 format a record belongs to, from leader/06.</summary>
    public enum RecordKind
    {
        Unknown = 0,
        Bibliographic,
        Authority,
        Holdings,
        Classification,
        Community,
    }
}
