using System;
using System.Collections.ObjectModel;

namespace OclcCataloging.Marc
{
    /// <summary>The ordered variable fields of a record.</summary>
    public sealed class FieldCollection : Collection<MarcField>
    {
        internal FieldCollection() { }

        /// <summary>An empty collection with room for <paramref name="capacity"/> fields (readers know the count up front).</summary>
        internal FieldCollection(int capacity) : base(new System.Collections.Generic.List<MarcField>(capacity)) { }

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
