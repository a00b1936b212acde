namespace OclcCataloging.Marc
{
    /// <summary>The name of each <see cref="MarcFormat"/> as messages show it to people.</summary>
    public static class MarcFormatNames
    {
        /// <summary>"ISO 2709", "MARCXML", "MARC-in-JSON", "MarcEdit text (.mrk)", "MarcEdit UTF-8 text (.mrk8)".</summary>
        public static string Describe(MarcFormat format)
        {
            switch (format)
            {
                case MarcFormat.MarcXml: return "MARCXML";
                case MarcFormat.Json: return "MARC-in-JSON";
                case MarcFormat.Mrk: return "MarcEdit text (.mrk)";
                case MarcFormat.Mrk8: return "MarcEdit UTF-8 text (.mrk8)";
                case MarcFormat.Auto: return "a format detected from the content";
                default: return "ISO 2709";
            }
        }
    }
}
