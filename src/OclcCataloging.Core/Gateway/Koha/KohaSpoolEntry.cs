using System;

namespace OclcCataloging.Gateway.Koha
{
    /// <summary>One record in the <see cref="KohaSpool"/>.</summary>
    public sealed class KohaSpoolEntry
    {
        internal KohaSpoolEntry(string path, KohaSpoolState state, long length, DateTime spooledUtc)
        {
            Path = path;
            State = state;
            Length = length;
            SpooledUtc = spooledUtc;
        }

        public string Name => System.IO.Path.GetFileName(Path);

        public string Path { get; }

        public KohaSpoolState State { get; }

        public long Length { get; }

        public DateTime SpooledUtc { get; }

        public override string ToString() => State + " " + Name;
    }
}
