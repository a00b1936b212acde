using System.Text;
using OclcCataloging.Gateway;
using Xunit;

namespace OclcCataloging.Core.Tests.Gateway;

/// <summary>The listener's reply texts per style (docs/design/gateway-protocol.md §5), NUL-terminated.</summary>
public class GatewayListenerReplyTests
{
    public static TheoryData<string, string, string> Replies => new()
    {
        { "accepted", "Success.  Batch number 0 - biblio record number 7 added to Koha.\n\nhttp://here/7", "Import ok\n" },
        { "rejected", "duplicate.  Please contact administrator.", "Error: duplicate.\n" },
        { "bad", "Bad request", "Error: the request could not be read\n" },
        { "unauthorized", "Unauthorized request", "Error: access denied\n" },
        { "failed", "Unsuccessful request", "Error: the record could not be stored\n" },
    };

    private static GatewayListenerReply Reply(string kind) => kind switch
    {
        "accepted" => GatewayListenerReply.Accepted("7", "http://here/7"),
        "rejected" => GatewayListenerReply.Rejected("duplicate."),
        "bad" => GatewayListenerReply.BadRequest("the request could not be read", "note"),
        "unauthorized" => GatewayListenerReply.Unauthorized("note"),
        _ => GatewayListenerReply.Failed("note"),
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void Each_reply_is_worded_in_koha_and_folio_style(string kind, string koha, string folio)
    {
        GatewayListenerReply reply = Reply(kind);
        Assert.Equal(Encoding.UTF8.GetBytes(koha + "\0"), reply.Encode(GatewayReplyStyle.Koha));
        Assert.Equal(Encoding.UTF8.GetBytes(folio + "\0"), reply.Encode(GatewayReplyStyle.Folio));
        Assert.Equal(kind == "accepted" || kind == "rejected", reply.ReachedHandler);
    }

    [Fact]
    public void A_nul_in_the_text_cannot_end_the_reply_early()
    {
        byte[] bytes = GatewayListenerReply.Rejected("bad\0reason").Encode(GatewayReplyStyle.Folio);
        Assert.Equal(Encoding.UTF8.GetBytes("Error: bad reason\n\0"), bytes);
    }
}
