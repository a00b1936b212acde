using System;
using System.Collections.Generic;

namespace OclcCataloging.Actions.WorldCat
{
    /// <summary>The Metadata API v2 paths of the record actions, relative to the API base (…/worldcat).</summary>
    public static class WorldCatActionPaths
    {
        /// <summary>current?oclcNumbers= takes at most this many numbers.</summary>
        public const int MaxCurrentHoldingsNumbers = 10;

        public static string CurrentHoldings(IEnumerable<string> oclcNumbers) =>
            "manage/institution/holdings/current?oclcNumbers=" + Uri.EscapeDataString(string.Join(",", oclcNumbers));

        public static string SetHolding(string oclcNumber) => "manage/institution/holdings/" + Uri.EscapeDataString(oclcNumber) + "/set";

        /// <summary>cascadeDelete is always sent: the API's default (true) deletes our local records.</summary>
        public static string UnsetHolding(string oclcNumber, bool cascadeDelete) =>
            "manage/institution/holdings/" + Uri.EscapeDataString(oclcNumber) + "/unset?cascadeDelete=" + (cascadeDelete ? "true" : "false");

        public const string Lhrs = "manage/lhrs";

        public static string Lhr(string controlNumber) => Lhrs + "/" + Uri.EscapeDataString(controlNumber);

        public static string MyHoldings(string oclcNumber, int limit, int offset) =>
            "search/my-holdings?oclcNumber=" + Uri.EscapeDataString(oclcNumber) + "&limit=" + limit + (offset > 0 ? "&offset=" + offset : "");

        public static string Validate(WorldCatValidationLevel level) => "manage/bibs/validate/" + level switch
        {
            WorldCatValidationLevel.Add => "validateAdd",
            WorldCatValidationLevel.Replace => "validateReplace",
            _ => "validateFull",
        };
    }
}
