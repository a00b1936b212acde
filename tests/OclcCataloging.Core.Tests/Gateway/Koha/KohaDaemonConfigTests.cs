using OclcCataloging.Ils.Koha;
using Xunit;

namespace OclcCataloging.Core.Tests.Gateway.Koha;

/// <summary>The daemon's own configuration file, keys as its help documents them (docs/design/koha-receiver.md §2).</summary>
public class KohaDaemonConfigTests
{
    private static KohaDaemonConfig Read(params string[] lines) => KohaDaemonConfig.Read(new StringReader(string.Join("\n", lines)), "koha.conf");

    private static readonly string[] FullConfig =
    {
        "# Connexion import daemon",
        "host: 127.0.0.1",
        "port: 5500",
        "log: /var/log/koha/connexion.log",
        "debug: 0",
        "koha: https://staff.example/",
        "user: connexion",
        "password: s3cret",
        "connexion_user: catuser",
        "connexion_password: pässwörd",
        "import_mode: direct",
        "match: ISBN",
        "overlay_action: replace",
        "nomatch_action: create_new",
        "item_action: ignore",
        "framework: BKS",
        "overlay_framework:",
        "marc_modification_template_id: 3",
    };

    [Fact]
    public void Every_documented_key_is_read()
    {
        var c = Read(FullConfig);
        Assert.Equal("127.0.0.1", c.Host);
        Assert.Equal(5500, c.Port);
        Assert.Equal("/var/log/koha/connexion.log", c.Log);
        Assert.False(c.Debug);
        Assert.Equal("https://staff.example", c.Koha);
        Assert.Equal("connexion", c.User);
        Assert.Equal("s3cret", c.Password);
        Assert.Equal("catuser", c.ConnexionUser);
        Assert.Equal("pässwörd", c.ConnexionPassword);
        Assert.Equal("direct", c.Fields.ImportMode);
        Assert.True(c.Fields.IsDirect);
        Assert.Equal("ISBN", c.Fields.Match);
        Assert.Equal("replace", c.Fields.OverlayAction);
        Assert.Equal("create_new", c.Fields.NomatchAction);
        Assert.Equal("ignore", c.Fields.ItemAction);
        Assert.Equal("BKS", c.Fields.Framework);
        Assert.Equal("", c.Fields.OverlayFramework);
        Assert.Equal("3", c.Fields.MarcModificationTemplateId);
        Assert.Empty(c.Unknown);
        Assert.Empty(c.Problems());
        Assert.Equal(6, c.Line("koha"));
    }

    [Fact]
    public void Typed_settings_come_from_the_same_file()
    {
        var s = Read(FullConfig).ToImportSettings();
        Assert.Equal(KohaOverlayAction.Replace, s.OverlayAction);
        Assert.Equal(KohaNomatchAction.CreateNew, s.NomatchAction);
        Assert.Equal(KohaItemAction.Ignore, s.ItemAction);
        Assert.Equal(KohaImportMode.Direct, s.ImportMode);
        Assert.Equal("ISBN", s.Match);
    }

    [Fact]
    public void A_hash_anywhere_starts_a_comment_as_in_the_daemon()
    {
        // The daemon strips from the first '#', so a value cannot hold one: a password "ab#cd" is read as "ab" there too.
        var c = Read("password: ab#cd", "user: u   # the staff user", "   # indented comment", "", "port: 5500");
        Assert.Equal("ab", c.Password);
        Assert.Equal("u", c.User);
        Assert.Equal(5500, c.Port);
    }

    [Fact]
    public void Unknown_keys_are_kept_with_their_line_and_do_not_stop_the_read()
    {
        var c = Read("port: 5500", "timeout: 30", "Koha: https://staff.example");
        Assert.Equal(2, c.Unknown["timeout"]);
        Assert.Equal("https://staff.example", c.Koha); // keys are read case-insensitively
    }

    [Theory]
    [InlineData("port 5500", "Line 1 of koha.conf: expected 'name: value'")]
    [InlineData("port: 0", "Line 1 of koha.conf: port '0' is not a TCP port")]
    [InlineData("port: 55x", "Line 1 of koha.conf: port '55x'")]
    [InlineData("my key: value", "Line 1 of koha.conf: expected 'name: value'")]
    public void A_malformed_line_names_the_file_and_line(string line, string expected)
    {
        var e = Assert.Throws<FormatException>(() => Read(line));
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void What_the_daemon_would_refuse_is_listed()
    {
        var problems = Read("log: x.log", "connexion_user: cat").Problems();
        Assert.Contains(problems, p => p.Contains("no port"));
        Assert.Contains(problems, p => p.Contains("no Koha staff interface URL"));
        Assert.Contains(problems, p => p.Contains("no Koha staff user"));
        Assert.Contains(problems, p => p.Contains("no password"));
        Assert.Contains(problems, p => p.Contains("only one of connexion_user and connexion_password"));
        Assert.Contains(Read("port: 1", "koha: ftp://x", "user: u", "password: p").Problems(), p => p.Contains("not an http or https URL"));
    }

    [Fact]
    public void An_unknown_action_value_names_the_file_line_and_allowed_values()
    {
        var e = Assert.Throws<FormatException>(() => Read("port: 1", "item_action: sometimes").ToImportSettings());
        Assert.StartsWith("Line 2 of koha.conf:", e.Message);
        Assert.Contains("add_only_for_matches", e.Message);
    }

    [Fact]
    public void Empty_actions_take_the_database_default()
    {
        var s = Read("overlay_action:", "nomatch_action:").ToImportSettings().Resolve();
        Assert.Equal(KohaImportSettings.DefaultOverlayAction, s.OverlayAction);
        Assert.Contains(KohaSettingNames.OverlayAction, s.DefaultedSettings);
        Assert.Contains(KohaSettingNames.ImportMode, s.DefaultedSettings);
    }

    [Fact]
    public void ToString_never_shows_a_password()
    {
        string text = Read(FullConfig).ToString();
        Assert.DoesNotContain("s3cret", text);
        Assert.DoesNotContain("pässwörd", text);
        Assert.Contains("connexion", text);
    }
}
