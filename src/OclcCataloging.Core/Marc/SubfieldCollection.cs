using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace OclcCataloging.Marc
{
    /// <summary>The ordered subfields of a data field.</summary>
    public sealed class SubfieldCollection : Collection<Subfield>
    {
        internal SubfieldCollection() : base(new SubfieldList()) { }

        internal SubfieldCollection(SubfieldList items) : base(items) { }

        protected override void InsertItem(int index, Subfield item)
        {
            base.InsertItem(index, item ?? throw new ArgumentNullException(nameof(item)));
        }

        protected override void SetItem(int index, Subfield item)
        {
            base.SetItem(index, item ?? throw new ArgumentNullException(nameof(item)));
        }

        /// <summary>Adds a subfield and returns it.</summary>
        public Subfield Add(char code, string value)
        {
            var s = new Subfield(code, value);
            Add(s);
            return s;
        }

        internal void AddRange(IEnumerable<Subfield> subfields)
        {
            foreach (var s in subfields) Add(s);
        }
    }
}
