namespace OclcCataloging.Oclc
{
    /// <summary>Where an OCLC control number (OCN) was found.</summary>
    public enum OclcNumberSource
    {
        /// <summary>A plain string given to normalise (not from a record).</summary>
        Value = 0,
        /// <summary>001 of a bibliographic record (ocm/ocn/on/ocl7, or bare digits when 003 is OCoLC).</summary>
        Field001,
        /// <summary>004 of a holdings record (control number for the related bibliographic record).</summary>
        Field004,
        /// <summary>014 $a of a holdings record, counted only when $b is OCoLC.</summary>
        Field014,
        /// <summary>019 $a: a merged (former) OCN that the record replaced.</summary>
        Field019,
        /// <summary>035 $a with the (OCoLC) prefix.</summary>
        Field035,
        /// <summary>035 $z: a cancelled or invalid number, never used as the record's OCN.</summary>
        Field035z,
    }
}
