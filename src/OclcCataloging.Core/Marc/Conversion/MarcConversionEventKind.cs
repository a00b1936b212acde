namespace OclcCataloging.Marc.Conversion
{
    /// <summary>What a <see cref="MarcConversionEvent"/> reports.</summary>
    public enum MarcConversionEventKind
    {
        /// <summary>An input file was opened: <see cref="MarcConversionEvent.File"/>, <see cref="MarcConversionEvent.Format"/>, <see cref="MarcConversionEvent.Length"/>.</summary>
        FileOpened,
        /// <summary>An input file could not be opened or is not MARC; nothing was read from it (<see cref="MarcConversionEvent.Exception"/>).</summary>
        FileNotOpened,
        /// <summary>A record was read with problems (<see cref="MarcConversionEvent.Record"/>'s warnings); it is still converted.</summary>
        RecordReadWithWarnings,
        /// <summary>A chunk of the input could not be read as a record (<see cref="MarcConversionEvent.ReadError"/>).</summary>
        Unreadable,
        /// <summary>Bytes between or after records (<see cref="MarcConversionEvent.StrayBytes"/>).</summary>
        StrayBytes,
        /// <summary>Too many unreadable chunks in a row: the rest of the file was skipped (<see cref="MarcConversionEvent.Count"/>, the last <see cref="MarcConversionEvent.ReadError"/>).</summary>
        GaveUp,
        /// <summary>An input file could not be read further (<see cref="MarcConversionEvent.Exception"/>); the next file is read.</summary>
        ReadFailed,
        /// <summary>An input file was read to its end: <see cref="MarcConversionEvent.FileStatistics"/>.</summary>
        FileFinished,
        /// <summary>A record could not be written (<see cref="MarcConversionEvent.Code"/>, <see cref="MarcConversionEvent.Message"/>); the others are.</summary>
        RecordNotWritten,
        /// <summary>A record was written with a change (<see cref="MarcConversionEvent.Diagnostic"/>): a converted character, a truncated field.</summary>
        RecordWrittenWithChange,
        /// <summary>The output could not be written (<see cref="MarcConversionEvent.Exception"/>): the conversion stopped and nothing will be committed.</summary>
        WriteFailed,
        /// <summary>An unexpected error stopped the conversion (<see cref="MarcConversionEvent.Exception"/>); nothing will be committed.</summary>
        Failed,
        /// <summary>Every input was read and every record handed to the writer; <see cref="MarcFileConverter.Commit"/> may now move the output into place.</summary>
        Completed,
    }
}
