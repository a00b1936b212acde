using OclcCataloging.Marc;
using OclcCataloging.Search;

namespace OclcCataloging.Core.Tests.Search.Batch;

/// <summary>
/// A target whose answer is chosen by the key's first word: "found" (one record titled after the key),
/// "none", "many", "error"; any other key is Found. Exceptions can be planned per key text.
/// </summary>
internal sealed class FakeSearchTarget : ISearchTarget
{
    private readonly Dictionary<string, Func<Exception>> _throwOn = new(StringComparer.Ordinal);

    public FakeSearchTarget(string name = "Fake target") { Name = name; }

    public string Name { get; }

    public List<string> Searched { get; } = new();

    public Dictionary<string, string> ErrorDetails { get; } = new(StringComparer.Ordinal);

    public TimeSpan Delay { get; set; }

    public void ThrowOn(string keyText, Func<Exception> exception) => _throwOn[keyText] = exception;

    public string Translate(SearchKey key) => "fake:" + key.Text;

    public async Task<KeySearchOutcome> SearchAsync(SearchKey key, BatchSearchLimits limits, CancellationToken cancellationToken)
    {
        Searched.Add(key.Text);
        if (Delay > TimeSpan.Zero) await Task.Delay(Delay, cancellationToken);
        if (_throwOn.TryGetValue(key.Text, out var exception)) throw exception();
        var outcome = new KeySearchOutcome { QuerySent = "fake:" + key.Text, Attempts = 1, HttpStatus = 200 };
        string first = key.Text.Split(' ')[0];
        switch (first)
        {
            case "none":
                outcome.Status = KeySearchStatus.NotFound;
                outcome.HitCount = 0;
                break;
            case "many":
                outcome.Status = KeySearchStatus.TooMany;
                outcome.HitCount = limits.TooManyThreshold + 1;
                break;
            case "error":
                outcome.Status = KeySearchStatus.Error;
                outcome.ErrorType = "HTTP 500";
                outcome.ErrorDetail = ErrorDetails.TryGetValue(key.Text, out var detail) ? detail : "Simulated failure";
                outcome.HttpStatus = 500;
                outcome.Attempts = 4;
                break;
            default:
                outcome.Status = KeySearchStatus.Found;
                outcome.HitCount = 7;
                var record = new MarcRecord();
                record.AddControlField("001", "ocm" + (Searched.Count + 100));
                record.AddDataField("245", "00", "a", "Title of " + key.Text);
                outcome.Records.Add(record);
                outcome.OclcNumbers.Add(new OclcNumberMapping("123", "456"));
                outcome.OclcNumbers.Add(new OclcNumberMapping("789", "789"));
                break;
        }
        return outcome;
    }

    public void Dispose() { }
}
