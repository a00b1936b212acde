using System.Globalization;

namespace OclcCataloging.Text.Json
{
    /// <summary>
    /// A JSON number as written. The text is kept because OCLC numbers and other identifiers can exceed what a
    /// double holds exactly.
    /// </summary>
    internal sealed class JsonNumber
    {
        public JsonNumber(string text) { Text = text; }

        public string Text { get; }

        /// <summary>False when the number is out of double's range (.NET Framework does not round it to infinity).</summary>
        public bool TryGetDouble(out double value) => double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

        public override string ToString() => Text;
    }
}
