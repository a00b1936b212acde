using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace OclcCataloging.Marc
{
    /// <summary>The ordered variable fields of a record.</summary>
    public sealed class FieldCollection : Collection<MarcField>
    {
        // The same list the base class wraps, so readers can append without the virtual and interface calls.
        private readonly List<MarcField> _list;

        internal FieldCollection() : this(new List<MarcField>()) { }

        /// <summary>An empty collection with room for <paramref name="capacity"/> fields (readers know the count up front).</summary>
        internal FieldCollection(int capacity) : this(new List<MarcField>(capacity)) { }

        private FieldCollection(List<MarcField> list) : base(list)
        {
            _list = list;
        }

        /// <summary>Appends a field a reader has just created (never null), as <see cref="Collection{T}.Add"/> would.</summary>
        internal void AddRead(MarcField field) => _list.Add(field);

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
