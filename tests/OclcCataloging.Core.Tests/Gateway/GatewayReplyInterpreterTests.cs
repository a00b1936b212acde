using OclcCataloging.Gateway;
using Xunit;

namespace OclcCataloging.Core.Tests.Gateway;

public class GatewayReplyInterpreterTests
{
    public static TheoryData<GatewayReceiverType, string, GatewayStatus, string?, string?> Replies => new()
    {
        // Koha (docs/design/gateway-protocol.md §4)
        { GatewayReceiverType.Koha, "Success.  Batch number 7 - biblio record number 100 added to Koha.\n\nhttp://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber=100",
            GatewayStatus.Accepted, "100", "http://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber=100" },
        { GatewayReceiverType.Koha, "Success.  Batch number 7 - biblio record number 42 overlaid by import.\n\nhttp://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber=42",
            GatewayStatus.Accepted, "42", "http://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber=42" },
        { GatewayReceiverType.Koha, "Success.  Batch number 7 - biblio record number HASH(0x560b84b1f5a0) added to Koha.\n\nhttp://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber=",
            GatewayStatus.Accepted, null, "http://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber=" },
        { GatewayReceiverType.Koha, "Success.  Batch number 7 - biblio record number  added to Koha.\n\nhttp://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber=",
            GatewayStatus.Accepted, null, "http://staff.example/cgi-bin/koha/catalogue/detail.pl?biblionumber=" },
        { GatewayReceiverType.Koha, "Success.  Batch number 7 - biblio record number 100 added to Koha.\n\nhttp://staff.example/a                   0c0d",
            GatewayStatus.Accepted, "100", null },
        { GatewayReceiverType.Koha, "Batch create error.  Please contact administrator.", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Koha, "Bad request", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Koha, "Unauthorized request", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Koha, "Unsuccessful request", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Koha, "Invalid response", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Koha, "", GatewayStatus.Unknown, null, null },
        // FOLIO
        { GatewayReceiverType.Folio, "Import ok\n", GatewayStatus.Accepted, null, null },
        { GatewayReceiverType.Folio, "Error: access denied\n", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Folio, "Error: Error retrieving password\n", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Folio, "Error: Login failed. POST /authn/login for tenant 'T' and username 'U' returned status 400: Bad Request\n", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Folio, "Error: Bad format of localUser\n", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Folio, "Error: One record expected in OCLC Connexion request\n", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Folio, "Error: Response status code 400 is not equal to 200: bad marc\n", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Folio, "Something else", GatewayStatus.Unknown, null, null },
        // Alma (documented behaviour only, docs/design/gateway-protocol.md §4)
        { GatewayReceiverType.Alma, "The record has been processed successfully.", GatewayStatus.Accepted, null, null },
        { GatewayReceiverType.Alma, "The record has been processed successfully. MMS ID: 991234567890123456", GatewayStatus.Accepted, "991234567890123456", null },
        { GatewayReceiverType.Alma, "The record has been processed successfully (991000000001236)", GatewayStatus.Accepted, "991000000001236", null },
        { GatewayReceiverType.Alma, "Import Failed: No integration profile found for institution 01CARLI_XXX", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Alma, "Import Failed\nLogon Failed--the Logon ID and/or password is/are not valid", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Alma, "Hello", GatewayStatus.Unknown, null, null },
        // Generic recognises all of them
        { GatewayReceiverType.Generic, "Success.  Batch number 7 - biblio record number 5 added to Koha.\n\nhttp://x/y", GatewayStatus.Accepted, "5", "http://x/y" },
        { GatewayReceiverType.Generic, "Import ok\n", GatewayStatus.Accepted, null, null },
        { GatewayReceiverType.Generic, "Error: access denied\n", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Generic, "Bad request", GatewayStatus.Rejected, null, null },
        { GatewayReceiverType.Generic, "The record has been processed successfully. MMS ID 991234567890123456", GatewayStatus.Accepted, "991234567890123456", null },
        { GatewayReceiverType.Generic, "Success\r", GatewayStatus.Accepted, null, null },
        { GatewayReceiverType.Generic, "who knows", GatewayStatus.Unknown, null, null },
        { GatewayReceiverType.Generic, "", GatewayStatus.Unknown, null, null },
    };

    [Theory]
    [MemberData(nameof(Replies))]
    public void Reply_texts_are_interpreted(GatewayReceiverType type, string text, GatewayStatus status, string? id, string? url)
    {
        GatewayReply reply = GatewayReplyInterpreter.Interpret(type, text);
        Assert.Equal(status, reply.Status);
        Assert.Equal(id, reply.ReceiverRecordId);
        Assert.Equal(url, reply.Url);
        Assert.Equal(text, reply.Text);
    }

    [Fact]
    public void Koha_stage_mode_and_garbled_text_carry_a_note()
    {
        var staged = GatewayReplyInterpreter.Interpret(GatewayReceiverType.Koha,
            "Success.  Batch number 7 - biblio record number HASH(0x560b84b1f5a0) added to Koha.\n\nhttp://s/detail.pl?biblionumber=");
        Assert.Contains("stage", staged.Message);
        var garbled = GatewayReplyInterpreter.Interpret(GatewayReceiverType.Koha, "Success.  Batch number 7 - biblio record number 100 added to Koha.\n\nhttp://staff.example/a                   0c0d");
        Assert.Contains("garbled", garbled.Message);
    }
}
