using System;

namespace OclcCataloging.Marc.IO
{
    /// <summary>Writes records to a stream. Call <see cref="Complete"/> after the last record (writers of
    /// documents such as MARCXML close them there); disposing without completing leaves the output unfinished.</summary>
    public interface IMarcWriter : IDisposable
    {
        void Write(MarcRecord record);

        void Complete();
    }
}
