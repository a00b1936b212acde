using System;

namespace OclcCataloging.DataSync.FileNames
{
    /// <summary>Input to <see cref="DataSyncFileNameBuilder"/> that cannot make a compliant name; says which rule it breaks.</summary>
    public sealed class DataSyncFileNameException : ArgumentException
    {
        public DataSyncFileNameException(string ruleId, string message, string paramName) : base(ruleId + ": " + message, paramName)
        {
            RuleId = ruleId;
        }

        /// <summary>The rule id from <see cref="DataSyncFileNameRules"/>.</summary>
        public string RuleId { get; }
    }
}
