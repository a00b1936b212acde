using OclcCataloging.Text.Json;

namespace OclcCataloging.Actions.WorldCat
{
    /// <summary>
    /// The JSON answer to set/unset: {controlNumber, requestedControlNumber, institutionSymbol, success, message,
    /// action}. Refusals ("already set", "already unset", blocked by attached local records) also come as HTTP 200,
    /// with success false: the body decides.
    /// </summary>
    internal sealed class HoldingReply
    {
        public string? ControlNumber { get; private set; }
        public string? RequestedControlNumber { get; private set; }
        public string? InstitutionSymbol { get; private set; }
        public bool? Success { get; private set; }
        public string? Message { get; private set; }

        public static HoldingReply? TryParse(string text)
        {
            var obj = JsonReader.TryParseObject(text);
            if (obj == null) return null;
            var success = JsonValues.GetString(obj, "success");
            return new HoldingReply
            {
                ControlNumber = JsonValues.GetString(obj, "controlNumber"),
                RequestedControlNumber = JsonValues.GetString(obj, "requestedControlNumber"),
                InstitutionSymbol = JsonValues.GetString(obj, "institutionSymbol"),
                Success = success == null ? (bool?)null : success == "true",
                Message = JsonValues.GetString(obj, "message"),
            };
        }

        /// <summary>"WorldCat Holding already set." / "… already unset."</summary>
        public bool SaysAlready => Message != null && Message.IndexOf("already", System.StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>"Unset Holdings Failed. Local holdings records (LHRs) are attached to this record." (or LBD).</summary>
        public bool SaysAttached => Message != null && Message.IndexOf("attached", System.StringComparison.OrdinalIgnoreCase) >= 0;
    }
}
