using System;
using System.Collections.ObjectModel;

namespace OclcCataloging.Marc
{
    /// <summary>The ordered variable fields of a record.</summary>
    public sealed class FieldCollection : Collection<MarcField>
    {
        internal FieldCollection() { }

        protected override void InsertItem(int index, MarcField item)
        {
            base.InsertItem(index, item ?? throw new ArgumentNullException(nameof(item)));
        }

        protected override void SetItem(int index, MarcField item)
        {
            base.SetItem(index, item ?? throw new ArgumentNullException(nameof(item)));
        }
    }
}
