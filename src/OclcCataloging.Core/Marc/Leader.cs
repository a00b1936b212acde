using System;
using System.Runtime.CompilerServices;
using System.Globalization;
using OclcCataloging.Marc.Iso2709;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// The 24-position record leader. Positions are characters 0-23; a leader read from ISO 2709 maps each
    /// byte to the character of the same value, so unusual bytes survive a round trip unchanged.
    /// </summary>
    public sealed class Leader : IEquatable<Leader>
    {
        public const int Length = 24;

        /// <summary>Leader given to new records: lengths to be computed, UTF-8, standard entry map.</summary>
        public const string DefaultValue = "00000nam a2200000   4500";

        private readonly char[] _chars;

        public Leader() : this(DefaultValue) { }

        /// <summary>Creates a leader from 24 characters. Shorter text is padded with blanks, longer text is refused.</summary>
        public Leader(string value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            if (value.Length > Length)
                throw new ArgumentException("A leader has 24 positions; the value given has " + value.Length + ".", nameof(value));
            _chars = value.PadRight(Length).ToCharArray();
        }

        [MethodImpl(Iso2709Constants.HotPath)]
        internal Leader(byte[] buffer, int offset)
        {
            _chars = new char[Length];
            for (int i = 0; i < Length; i++) _chars[i] = (char)buffer[offset + i];
        }

        private Leader(char[] chars) { _chars = chars; }

        /// <summary>The character at position 0-23.</summary>
        public char this[int position]
        {
            get => _chars[CheckPosition(position)];
            set => _chars[CheckPosition(position)] = value;
        }

        /// <summary>Positions <paramref name="start"/> .. start+length-1 as text, e.g. <c>Substring(20, 4)</c>.</summary>
        public string Substring(int start, int length) => new string(_chars, start, length);

        /// <summary>Overwrites positions starting at <paramref name="start"/> with <paramref name="text"/>.</summary>
        public void Set(int start, string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            if (start < 0 || start + text.Length > Length)
                throw new ArgumentOutOfRangeException(nameof(start), "Leader positions run from 0 to 23.");
            text.CopyTo(0, _chars, start, text.Length);
        }

        /// <summary>00-04 as a number, or null when they are not five digits.</summary>
        public int? RecordLength
        {
            get => ReadNumber(0, 5);
            set => WriteNumber(0, 5, value);
        }

        /// <summary>05 Record status (a, c, d, n, p; holdings also use others).</summary>
        public char RecordStatus { get => _chars[5]; set => _chars[5] = value; }

        /// <summary>06 Type of record.</summary>
        public char TypeOfRecord { get => _chars[6]; set => _chars[6] = value; }

        /// <summary>07 Bibliographic level (bibliographic records; undefined elsewhere).</summary>
        public char BibliographicLevel { get => _chars[7]; set => _chars[7] = value; }

        /// <summary>08 Type of control.</summary>
        public char TypeOfControl { get => _chars[8]; set => _chars[8] = value; }

        /// <summary>09 Character coding scheme: 'a' = UCS/Unicode (UTF-8), blank = MARC-8.</summary>
        public char CharacterCodingScheme { get => _chars[9]; set => _chars[9] = value; }

        /// <summary>10 Indicator count (2 in MARC 21).</summary>
        public char IndicatorCount { get => _chars[10]; set => _chars[10] = value; }

        /// <summary>11 Subfield code count (2 in MARC 21).</summary>
        public char SubfieldCodeCount { get => _chars[11]; set => _chars[11] = value; }

        /// <summary>12-16 Base address of data, or null when not five digits.</summary>
        public int? BaseAddressOfData
        {
            get => ReadNumber(12, 5);
            set => WriteNumber(12, 5, value);
        }

        /// <summary>17 Encoding level.</summary>
        public char EncodingLevel { get => _chars[17]; set => _chars[17] = value; }

        /// <summary>18 Descriptive cataloging form (bibliographic), item information (holdings).</summary>
        public char DescriptiveCatalogingForm { get => _chars[18]; set => _chars[18] = value; }

        /// <summary>19 Multipart resource record level.</summary>
        public char MultipartResourceRecordLevel { get => _chars[19]; set => _chars[19] = value; }

        /// <summary>20-23 Entry map (4500 in MARC 21).</summary>
        public string EntryMap { get => Substring(20, 4); set => Set(20, CheckLength(value, 4)); }

        /// <summary>True when leader/09 says the record is Unicode (UTF-8).</summary>
        public bool IsUnicode => _chars[9] == 'a';

        /// <summary>Which MARC 21 format leader/06 puts the record in.</summary>
        public RecordKind Kind
        {
            get
            {
                switch (_chars[6])
                {
                    case 'z': return RecordKind.Authority;
                    case 'u': case 'v': case 'x': case 'y': return RecordKind.Holdings;
                    case 'w': return RecordKind.Classification;
                    case 'q': return RecordKind.Community;
                    case 'a': case 'c': case 'd': case 'e': case 'f': case 'g': case 'i':
                    case 'j': case 'k': case 'm': case 'o': case 'p': case 'r': case 't':
                        return RecordKind.Bibliographic;
                    default: return RecordKind.Unknown;
                }
            }
        }

        public Leader Clone() => new Leader((char[])_chars.Clone());

        public override string ToString() => new string(_chars);

        public bool Equals(Leader? other) => other != null && new string(_chars) == new string(other._chars);

        public override bool Equals(object? obj) => obj is Leader l && Equals(l);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(new string(_chars));

        /// <summary>True when the 24 leader characters are the first 24 bytes of <paramref name="bytes"/>, one byte each.</summary>
        [MethodImpl(Iso2709Constants.HotPath)]
        internal bool Matches(byte[] bytes)
        {
            if (bytes.Length < Length) return false;
            for (int i = 0; i < Length; i++)
            {
                if (_chars[i] != bytes[i]) return false;
            }
            return true;
        }

        internal void CopyTo(byte[] destination, int offset)
        {
            for (int i = 0; i < Length; i++)
            {
                char c = _chars[i];
                if (c > '\u00FF')
                    throw new MarcEncodingException("Leader position " + i + " holds U+" + ((int)c).ToString("X4") + ", which is not a single byte.");
                destination[offset + i] = (byte)c;
            }
        }

        private int? ReadNumber(int start, int length)
        {
            int n = 0;
            for (int i = start; i < start + length; i++)
            {
                char c = _chars[i];
                if (c < '0' || c > '9') return null;
                n = n * 10 + (c - '0');
            }
            return n;
        }

        private void WriteNumber(int start, int length, int? value)
        {
            if (value == null) throw new ArgumentNullException(nameof(value));
            int v = value.Value;
            int max = length == 5 ? 99999 : 9999;
            if (v < 0 || v > max)
                throw new ArgumentOutOfRangeException(nameof(value), "Leader positions " + start + "-" + (start + length - 1) + " hold at most " + max + ".");
            Set(start, v.ToString(CultureInfo.InvariantCulture).PadLeft(length, '0'));
        }

        private static int CheckPosition(int position)
        {
            if (position < 0 || position >= Length)
                throw new ArgumentOutOfRangeException(nameof(position), "Leader positions run from 0 to 23.");
            return position;
        }

        private static string CheckLength(string value, int length)
        {
            if (value == null || value.Length != length)
                throw new ArgumentException("Expected exactly " + length + " characters.", nameof(value));
            return value;
        }
    }
}
