using System.Net;
using System.Text;
using OclcCataloging.Gateway;
using Xunit;
using static OclcCataloging.Core.Tests.Gateway.GatewayTestRecords;

namespace OclcCataloging.Core.Tests.Gateway;

public class GatewayRequestEncoderTests
{
    private static readonly byte[] Record = Bytes(Bib());

    [Fact]
    public void Alma_style_logon_matches_the_worked_example()
    {
        var logon = new GatewayLogon(null, new NetworkCredential("01CARLI_XYZ", "secret"));
        byte[] request = new GatewayRequestEncoder().Encode(logon, Record);

        byte[] expected = Ascii("A").Concat(new byte[] { 0x4B }).Concat(Ascii("01CARLI_XYZ"))
            .Concat(new byte[] { 0x50, 0x46 }).Concat(Ascii("secret")).Concat(Record).Concat(new byte[] { 0 }).ToArray();
        Assert.Equal(expected, request);
    }

    [Fact]
    public void User_id_comes_first_then_logon_then_password()
    {
        var logon = new GatewayLogon("abc", new NetworkCredential("INST_X", "s3cret"));
        byte[] request = new GatewayRequestEncoder().Encode(logon, Record);
        Assert.Equal(Ascii("UCabcAFINST_XPFs3cret"), request.Take(21).ToArray());
        Assert.Equal(Record, request.Skip(21).Take(Record.Length).ToArray());
    }

    [Fact]
    public void End_of_transmission_nul_is_on_by_default_and_can_be_turned_off()
    {
        Assert.Equal(0, new GatewayRequestEncoder().Encode(null, Record)[^1]);
        byte[] bare = new GatewayRequestEncoder(endWithNul: false).Encode(null, Record);
        Assert.Equal(Record, bare);
    }

    [Fact]
    public void Lengths_count_bytes_after_encoding()
    {
        var logon = new GatewayLogon(null, new NetworkCredential("testlib user bøf", "pässwörd"));
        byte[] request = new GatewayRequestEncoder().Encode(logon, Record);
        Assert.Equal((byte)'A', request[0]);
        Assert.Equal(0x40 + 17, request[1]);
        int p = 2 + 17;
        Assert.Equal((byte)'P', request[p]);
        Assert.Equal(0x40 + 10, request[p + 1]);
        Assert.Equal(Encoding.UTF8.GetBytes("pässwörd"), request.Skip(p + 2).Take(10).ToArray());
    }

    [Fact]
    public void Identifier_encoding_is_an_option()
    {
        var logon = new GatewayLogon(null, new NetworkCredential("bøf", ""));
        byte[] request = new GatewayRequestEncoder(Encoding.Latin1).Encode(logon, Record);
        Assert.Equal(new byte[] { (byte)'A', 0x43, (byte)'b', 0xF8, (byte)'f' }, request.Take(5).ToArray());
    }

    [Fact]
    public void Single_byte_length_up_to_191_bytes()
    {
        string id100 = new string('x', 100);
        byte[] r100 = new GatewayRequestEncoder().Encode(new GatewayLogon(null, new NetworkCredential(id100, "")), Record);
        Assert.Equal(0xA4, r100[1]);

        string id191 = "1" + new string('x', 190);
        byte[] r191 = new GatewayRequestEncoder().Encode(new GatewayLogon(null, new NetworkCredential(id191, "")), Record);
        Assert.Equal(0xFF, r191[1]);
    }

    [Fact]
    public void Longer_values_get_a_decimal_length_only_when_they_do_not_start_with_a_digit()
    {
        string id = "tenant " + new string('u', 193);
        byte[] request = new GatewayRequestEncoder().Encode(new GatewayLogon(null, new NetworkCredential(id, "")), Record);
        Assert.Equal(Ascii("A200tenant "), request.Take(11).ToArray());

        var e = Assert.Throws<GatewayException>(() =>
            new GatewayRequestEncoder().Encode(new GatewayLogon(null, new NetworkCredential("01" + new string('x', 200), "")), Record));
        Assert.Equal(GatewayErrorCodes.IdentifierNotEncodable, e.Code);
    }

    [Fact]
    public void Empty_values_are_left_out()
    {
        byte[] request = new GatewayRequestEncoder().Encode(new GatewayLogon("", new NetworkCredential("", "")), Record);
        Assert.Equal(Record.Concat(new byte[] { 0 }).ToArray(), request);
    }

    [Fact]
    public void A_nul_in_a_value_is_refused_without_naming_the_password()
    {
        var e = Assert.Throws<GatewayException>(() =>
            new GatewayRequestEncoder().Encode(new GatewayLogon(null, new NetworkCredential("user", "se\0cret")), Record));
        Assert.Equal(GatewayErrorCodes.IdentifierNotEncodable, e.Code);
        Assert.DoesNotContain("se\0cret", e.Message);
        Assert.DoesNotContain("cret", e.Message);
    }

    [Fact]
    public void Logon_to_string_never_shows_the_password()
    {
        var logon = new GatewayLogon("u1", new NetworkCredential("catuser", "pässwörd"));
        Assert.DoesNotContain("pässwörd", logon.ToString());
        Assert.Contains("(set)", logon.ToString());
        var folio = new GatewayLogon(null, new NetworkCredential("diku diku_admin admin", ""));
        Assert.DoesNotContain("admin", folio.ToString());
    }
}
