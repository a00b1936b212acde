namespace OclcCataloging.Ils.Alma
{
    public sealed class AlmaMergeOptions
    {
        public AlmaMergeMethod Method { get; set; } = AlmaMergeMethod.OverlayAllFieldsButLocal;

        /// <summary>"Do not override/merge a record with lower brief version": block when existing level &gt; incoming level.</summary>
        public bool BriefLevelGuard { get; set; }

        /// <summary>"Do not override/merge record with an older version": block when the incoming 005 is older.</summary>
        public bool OlderVersionGuard { get; set; }

        public AlmaBriefLevelRules BriefLevelRules { get; set; } = AlmaBriefLevelRules.Carli();

        public MissingVersionPolicy MissingVersion { get; set; } = MissingVersionPolicy.Allow;

        public Replace245Reading Replace245Reading { get; set; } = Replace245Reading.ByName;
    }
}
