using System;
using System.IO;
using OclcCataloging.Marc;
using OclcCataloging.Marc.IO;
using OclcCataloging.Marc.Iso2709;
using OclcCataloging.Oclc;

namespace OclcCataloging.Gateway
{
    /// <summary>One record ready to be sent: its ISO 2709 bytes and its identity (001, OCLC number, title) for reporting.</summary>
    public sealed class GatewayRecord
    {
        public GatewayRecord(byte[] bytes, string? controlNumber = null, string? oclcNumber = null, string? title = null)
        {
            Bytes = bytes ?? throw new ArgumentNullException(nameof(bytes));
            ControlNumber = controlNumber;
            OclcNumber = oclcNumber;
            Title = title;
        }

        /// <summary>The ISO 2709 bytes that go on the wire.</summary>
        public byte[] Bytes { get; }

        /// <summary>The 001 value, or null.</summary>
        public string? ControlNumber { get; }

        /// <summary>The record's primary OCLC number, or null.</summary>
        public string? OclcNumber { get; }

        /// <summary>245 $a $b, or null.</summary>
        public string? Title { get; }

        /// <summary>
        /// Serialises <paramref name="record"/>, converting it to <paramref name="encoding"/> first (leader/09 and
        /// lengths are set by the conversion and the writer). Throws <see cref="GatewayException"/>
        /// (<see cref="GatewayErrorCodes.RecordTooLong"/> or <see cref="GatewayErrorCodes.RecordNotEncodable"/>).
        /// </summary>
        public static GatewayRecord FromRecord(MarcRecord record, GatewayRecordEncoding encoding = GatewayRecordEncoding.AsIs)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            string? control = record.ControlNumber;
            string? title = record.Title;
            string? ocn = null;
            try
            {
                ocn = OclcNumberFinder.FindPrimary(record, OclcNumberLocation.Auto)?.OclcNumber;
            }
            catch (Exception)
            {
                // identity is informative only
            }

            MarcRecord toWrite = record;
            try
            {
                toWrite = MarcEncodingConverter.ToEncoding(record, encoding == GatewayRecordEncoding.Utf8 ? MarcEncoding.Utf8
                    : encoding == GatewayRecordEncoding.Marc8 ? MarcEncoding.Marc8 : MarcEncoding.Leader);
            }
            catch (Exception e) when (e is MarcEncodingException || e is ArgumentException)
            {
                throw new GatewayException(GatewayErrorCodes.RecordNotEncodable, "The record cannot be converted to " + encoding + ": " + e.Message + " Nothing was sent.", e);
            }

            byte[] bytes;
            try
            {
                bytes = Iso2709Writer.ToBytes(toWrite);
            }
            catch (MarcWriteException e)
            {
                // The writer's own text numbers the record and offers its writing options; the sender numbers the
                // record itself and cannot truncate, so only the fact is told here.
                if (e.Code == MarcDiagnosticCodes.RecordTooLong)
                    throw new GatewayException(GatewayErrorCodes.RecordTooLong,
                        "The record is longer than 99,999 bytes, the most an ISO 2709 record can state and a gateway receiver can take. Nothing was sent.", e);
                if (e.Code == MarcDiagnosticCodes.FieldTooLong)
                    throw new GatewayException(GatewayErrorCodes.RecordTooLong,
                        "Field " + e.Tag + " is longer than 9,999 bytes, the most an ISO 2709 directory entry can state. Nothing was sent.", e);
                throw new GatewayException(GatewayErrorCodes.RecordNotEncodable, e.Message + " Nothing was sent.", e);
            }
            catch (MarcEncodingException e)
            {
                throw new GatewayException(GatewayErrorCodes.RecordNotEncodable, e.Message + " Nothing was sent.", e);
            }
            return new GatewayRecord(bytes, control, ocn, title);
        }

        /// <summary>Wraps raw ISO 2709 bytes; the identity is read from them when they parse (nothing is changed).</summary>
        public static GatewayRecord FromBytes(byte[] bytes)
        {
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            string? control = null, title = null, ocn = null;
            try
            {
                if (Iso2709Reader.TryParseRecord(bytes, out MarcRecord? r))
                {
                    control = r!.ControlNumber;
                    title = r.Title;
                    ocn = OclcNumberFinder.FindPrimary(r, OclcNumberLocation.Auto)?.OclcNumber;
                }
            }
            catch (Exception)
            {
                // identity is informative only; validation reports what is wrong with the bytes
            }
            return new GatewayRecord(bytes, control, ocn, title);
        }

        public override string ToString() => "001=" + (ControlNumber ?? "(none)") + " " + (Title ?? "(no title)") + " (" + Bytes.Length + " bytes)";
    }
}
