namespace OclcCataloging.Ils.Koha
{
    /// <summary>What Koha does with one embedded 952 item.</summary>
    public sealed class KohaItemDecision
    {
        internal KohaItemDecision(int occurrence, string? barcode, string? homeBranch, KohaRecordAction action, string attachTo)
        {
            Occurrence = occurrence;
            Barcode = barcode;
            HomeBranch = homeBranch;
            Action = action;
            AttachTo = attachTo;
        }

        /// <summary>1 for the record's first 952, 2 for the second, ...</summary>
        public int Occurrence { get; }

        /// <summary>952 $p.</summary>
        public string? Barcode { get; }

        /// <summary>952 $a.</summary>
        public string? HomeBranch { get; }

        public KohaRecordAction Action { get; }

        /// <summary>"new bib", "matched bib", or empty when the item is ignored.</summary>
        public string AttachTo { get; }
    }
}
