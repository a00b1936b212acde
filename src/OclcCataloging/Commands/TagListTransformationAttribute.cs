using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;

namespace OclcCataloging.Commands
{
    /// <summary>
    /// Keeps numeric tags typed without quotes as tags: PowerShell reads <c>-RemoveField 029, 9XX</c> as the number 29
    /// and the string 9XX, so a number becomes its three-digit tag again (29 to 029).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class TagListTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object input = inputData is PSObject pso ? pso.BaseObject : inputData;
            if (input is string || input == null) return inputData;
            if (!(input is IEnumerable items)) return Tag(input)!; // not null: input is not
            var list = new List<object?>();
            foreach (object? item in items) list.Add(Tag(item is PSObject p ? p.BaseObject : item));
            return list.ToArray();
        }

        private static object? Tag(object? value)
        {
            switch (value)
            {
                case int i when i >= 0 && i <= 999: return i.ToString("000", CultureInfo.InvariantCulture);
                case long l when l >= 0 && l <= 999: return l.ToString("000", CultureInfo.InvariantCulture);
                default: return value;
            }
        }
    }
}
