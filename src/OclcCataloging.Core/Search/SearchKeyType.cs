namespace OclcCataloging.Search
{
    /// <summary>What kind of Connexion search key a line is, after classification.</summary>
    public enum SearchKeyType
    {
        /// <summary>#123, *123, no:123, ocm/ocn/on forms, (OCoLC) forms, or a bare number classified as an OCLC number.</summary>
        OclcNumber,
        Isbn,
        Issn,
        Lccn,
        /// <summary>One or more index-labelled terms: ti:, au:, su:, kw:, bn:, in:, ln:, combined with and/or/not.</summary>
        Fielded,
        /// <summary>Bibliographic derived name/title key, 4,4 (e.g. "moza,magi").</summary>
        DerivedNameTitle,
        /// <summary>Bibliographic derived title key, 3,2,2,1 (e.g. "mag,fl,,").</summary>
        DerivedTitle,
        /// <summary>Authority derived personal name, pd: 4,3,1.</summary>
        DerivedPersonalName,
        /// <summary>Authority derived corporate/conference/geographic name, cd: or = 4,3,1.</summary>
        DerivedCorporateName,
        /// <summary>Authority derived title, td: 3,2,2,1.</summary>
        DerivedAuthorityTitle,
        /// <summary>Authority derived subject, sd: 5,3.</summary>
        DerivedSubject,
        /// <summary>A whole authority heading such as "Twain, Mark, 1835-1910".</summary>
        Heading,
        /// <summary>Unlabelled words: a keyword search.</summary>
        Keyword,
    }
}
