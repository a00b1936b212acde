namespace OclcCataloging.Fuzz;

/// <summary>The mutations afl's havoc stage makes, without coverage: a few stacked changes per input.</summary>
internal sealed class Mutator
{
    private static readonly byte[] Interesting = { 0x00, 0x1D, 0x1E, 0x1F, 0x1B, (byte)'<', (byte)'>', (byte)'&', (byte)'"', (byte)'{', (byte)'}', (byte)'=', (byte)'$', (byte)'\n', (byte)'\r', 0x7F, 0x80, 0xC3, 0xE2, 0xFF, (byte)'0', (byte)'9', (byte)' ' };

    private readonly Random _random;
    private readonly List<byte[]> _tokens;
    private readonly int _maxInput;

    public Mutator(Random random, List<byte[]> tokens, int maxInput)
    {
        _random = random;
        _tokens = tokens;
        _maxInput = maxInput;
    }

    public byte[] Mutate(byte[] seed, byte[] other)
    {
        var b = new List<byte>(seed);
        int changes = 1 << _random.Next(4); // 1, 2, 4 or 8 stacked changes
        for (int i = 0; i < changes; i++) MutateOnce(b, other);
        if (b.Count > _maxInput) b.RemoveRange(_maxInput, b.Count - _maxInput);
        return b.ToArray();
    }

    private void MutateOnce(List<byte> b, byte[] other)
    {
        int at = b.Count == 0 ? 0 : _random.Next(b.Count);
        switch (_random.Next(b.Count == 0 ? 3 : 12))
        {
            case 0: // insert a dictionary token or an interesting byte
            case 1:
                b.InsertRange(at, Token());
                break;
            case 2: // splice: a run of another seed
                if (other.Length == 0) break;
                int from = _random.Next(other.Length);
                int len = Math.Min(other.Length - from, 1 + _random.Next(256));
                b.InsertRange(at, other.Skip(from).Take(len));
                break;
            case 3: // flip a bit
                b[at] ^= (byte)(1 << _random.Next(8));
                break;
            case 4: // set an interesting byte
                b[at] = Interesting[_random.Next(Interesting.Length)];
                break;
            case 5: // random byte
                b[at] = (byte)_random.Next(256);
                break;
            case 6: // change a digit (lengths, offsets, indicators)
                int d = b.FindIndex(at, x => x >= '0' && x <= '9');
                if (d >= 0) b[d] = (byte)('0' + _random.Next(10));
                break;
            case 7: // delete a run
                b.RemoveRange(at, Math.Min(b.Count - at, 1 + _random.Next(64)));
                break;
            case 8: // duplicate a run
                int n = Math.Min(b.Count - at, 1 + _random.Next(128));
                b.InsertRange(at, b.GetRange(at, n));
                break;
            case 9: // overwrite with a token
                byte[] t = Token();
                for (int i = 0; i < t.Length && at + i < b.Count; i++) b[at + i] = t[i];
                break;
            case 10: // truncate
                b.RemoveRange(at, b.Count - at);
                break;
            default: // repeat one byte many times (floods, deep nesting)
                int times = 1 + _random.Next(2000);
                b.InsertRange(at, Enumerable.Repeat(b[at], times));
                break;
        }
    }

    private byte[] Token()
    {
        if (_tokens.Count > 0 && _random.Next(3) != 0) return _tokens[_random.Next(_tokens.Count)];
        return new[] { Interesting[_random.Next(Interesting.Length)] };
    }
}
