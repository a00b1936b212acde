using System;
using System.Collections;
using System.Collections.Generic;

namespace OclcCataloging.Marc
{
    /// <summary>
    /// The storage behind <see cref="SubfieldCollection"/>: a growable array typed to the sealed <see cref="Subfield"/>,
    /// so storing an element needs no covariance check and reading one no shared-generic lookup (List&lt;T&gt; of a
    /// reference type pays both). It behaves as List&lt;T&gt; does where the collection can tell: the same exceptions
    /// for a bad index, and enumerators that fail once the list is changed.
    /// </summary>
    internal sealed class SubfieldList : IList<Subfield>
    {
        private Subfield[] _items;
        private int _count;
        private int _version;

        public SubfieldList() => _items = Array.Empty<Subfield>();

        public SubfieldList(int capacity) => _items = capacity == 0 ? Array.Empty<Subfield>() : new Subfield[capacity];

        public int Count => _count;

        public bool IsReadOnly => false;

        public Subfield this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
                _items[index] = value;
                _version++;
            }
        }

        public void Add(Subfield item)
        {
            if (_count == _items.Length) Grow();
            _items[_count++] = item;
            _version++;
        }

        public void Insert(int index, Subfield item)
        {
            if ((uint)index > (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            if (_count == _items.Length) Grow();
            if (index < _count) Array.Copy(_items, index, _items, index + 1, _count - index);
            _items[index] = item;
            _count++;
            _version++;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException(nameof(index));
            _count--;
            if (index < _count) Array.Copy(_items, index + 1, _items, index, _count - index);
            _items[_count] = null!;
            _version++;
        }

        public bool Remove(Subfield item)
        {
            int i = IndexOf(item);
            if (i < 0) return false;
            RemoveAt(i);
            return true;
        }

        public void Clear()
        {
            Array.Clear(_items, 0, _count);
            _count = 0;
            _version++;
        }

        public int IndexOf(Subfield item) => Array.IndexOf(_items, item, 0, _count);

        public bool Contains(Subfield item) => IndexOf(item) >= 0;

        public void CopyTo(Subfield[] array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _count);

        public IEnumerator<Subfield> GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        private void Grow()
        {
            var bigger = new Subfield[_items.Length == 0 ? 4 : _items.Length * 2];
            Array.Copy(_items, bigger, _count);
            _items = bigger;
        }

        private sealed class Enumerator : IEnumerator<Subfield>
        {
            private readonly SubfieldList _list;
            private readonly int _version;
            private int _index = -1;

            public Enumerator(SubfieldList list)
            {
                _list = list;
                _version = list._version;
            }

            public Subfield Current => (uint)_index < (uint)_list._count ? _list._items[_index] : null!;

            object IEnumerator.Current => Current;

            public bool MoveNext()
            {
                if (_version != _list._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                return ++_index < _list._count;
            }

            public void Reset()
            {
                if (_version != _list._version) throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
                _index = -1;
            }

            public void Dispose() { }
        }
    }
}
