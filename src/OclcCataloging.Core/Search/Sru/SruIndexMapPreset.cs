namespace OclcCataloging.Search.Sru
{
    /// <summary>A named <see cref="SruIndexMap"/> for a kind of SRU server (see <see cref="SruIndexMapPresets"/>).</summary>
    public sealed class SruIndexMapPreset
    {
        internal SruIndexMapPreset(string name, string description, SruIndexMap map)
        {
            Name = name;
            Description = description;
            Map = map;
        }

        /// <summary>The preset's name (Default, Koha, LibraryOfCongress, Zebra).</summary>
        public string Name { get; }

        /// <summary>Which server it is for and what it cannot search.</summary>
        public string Description { get; }

        public SruIndexMap Map { get; }

        public override string ToString() => Name;
    }
}
