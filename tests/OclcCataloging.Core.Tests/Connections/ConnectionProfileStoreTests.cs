using System.Text;
using OclcCataloging.Connections;
using OclcCataloging.Core.Tests.TestSupport;
using Xunit;

namespace OclcCataloging.Core.Tests.Connections;

public sealed class ConnectionProfileStoreTests : IDisposable
{
    private const string Secret = "s3cr3t-Ünïcode-value";
    private readonly string _dir = Directory.CreateTempSubdirectory("oclc-conn-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string StorePath => Path.Combine(_dir, "cfg", "connections.json");

    private ConnectionProfile WorldCat(ConnectionProfileStore store, string name = "worldcat")
    {
        var p = new ConnectionProfile(name, ConnectionKind.WorldCat) { UserName = "client-id", Description = "Nightly \"search\"", Modified = DateTimeOffset.UtcNow };
        p.Settings[ConnectionSettingNames.Scope] = "WorldCatMetadataAPI";
        p.Settings[ConnectionSettingNames.RequestsPerSecond] = "2.5";
        var protector = new KeyFileSecretProtector(store.KeyFilePath);
        p.SetProtectedSecret(SecretStoreKind.KeyFile, protector.Protect(name, Secrets.Of(Secret)));
        return p;
    }

    [Fact]
    public void A_missing_file_is_an_empty_store()
    {
        var store = new ConnectionProfileStore(StorePath);
        Assert.Empty(store.Load());
        Assert.Null(store.Find("x"));
        Assert.False(File.Exists(StorePath));
    }

    [Fact]
    public void Profiles_round_trip_with_settings_index_map_and_secret()
    {
        var store = new ConnectionProfileStore(StorePath);
        store.Save(WorldCat(store));
        var sru = new ConnectionProfile("Local SRU", ConnectionKind.Sru);
        sru.Settings[ConnectionSettingNames.BaseAddress] = "https://sru.example.org/catalog";
        sru.IndexMap["Title"] = "dc.title";
        sru.IndexMap["Isbn"] = "bath.isbn";
        store.Save(sru);

        var loaded = new ConnectionProfileStore(StorePath).Load();
        Assert.Equal(new[] { "Local SRU", "worldcat" }, loaded.Select(p => p.Name));
        var w = loaded[1];
        Assert.Equal(ConnectionKind.WorldCat, w.Kind);
        Assert.Equal("client-id", w.UserName);
        Assert.Equal("Nightly \"search\"", w.Description);
        Assert.Equal(2.5, w.GetDoubleSetting("requestspersecond"));
        Assert.Equal(SecretStoreKind.KeyFile, w.SecretStore);
        Assert.True(w.HasSecret);
        Assert.Equal(Secret, Secrets.Reveal(new KeyFileSecretProtector(store.KeyFilePath).Unprotect(w.Name, w.ProtectedSecret!)));
        var s = loaded[0];
        Assert.False(s.HasSecret);
        Assert.Equal(SecretStoreKind.None, s.SecretStore);
        Assert.Equal("bath.isbn", s.IndexMap["ISBN"]);
        Assert.Equal(new Uri("https://sru.example.org/catalog"), s.GetUriSetting(ConnectionSettingNames.BaseAddress));
    }

    [Fact]
    public void Save_replaces_a_profile_of_the_same_name_ignoring_case()
    {
        var store = new ConnectionProfileStore(StorePath);
        store.Save(WorldCat(store, "WorldCat"));
        var replaced = store.Save(new ConnectionProfile("worldcat", ConnectionKind.Gateway));
        Assert.NotNull(replaced);
        var only = Assert.Single(store.Load());
        Assert.Equal(ConnectionKind.Gateway, only.Kind);
    }

    [Fact]
    public void Remove_returns_the_removed_profile_or_null()
    {
        var store = new ConnectionProfileStore(StorePath);
        store.Save(WorldCat(store));
        Assert.Equal("worldcat", store.Remove("WORLDCAT")?.Name);
        Assert.Null(store.Remove("worldcat"));
        Assert.Empty(store.Load());
    }

    [Fact]
    public void The_file_never_contains_the_plain_secret()
    {
        var store = new ConnectionProfileStore(StorePath);
        store.Save(WorldCat(store));
        byte[] file = File.ReadAllBytes(StorePath);
        Assert.False(Contains(file, Encoding.UTF8.GetBytes(Secret)), "UTF-8 secret found in the file");
        Assert.False(Contains(file, Encoding.Unicode.GetBytes(Secret)), "UTF-16 secret found in the file");
        Assert.False(Contains(file, Encoding.UTF8.GetBytes("s3cr3t")), "part of the secret found in the file");
        Assert.False(Contains(File.ReadAllBytes(store.KeyFilePath), Encoding.UTF8.GetBytes(Secret)));
    }

    [Fact]
    public void Writes_leave_no_temporary_file_and_a_failed_write_keeps_the_old_file()
    {
        var store = new ConnectionProfileStore(StorePath);
        store.Save(WorldCat(store));
        string before = File.ReadAllText(StorePath);
        Assert.Equal(new[] { "connections.json", "connections.key" }, Directory.GetFiles(Path.GetDirectoryName(StorePath)!).Select(Path.GetFileName).Order());

        // A folder in the way of the rename makes the commit fail after the temporary file was written.
        string blocked = Path.Combine(_dir, "blocked", "connections.json");
        Directory.CreateDirectory(blocked);
        Assert.Throws<ConnectionStoreException>(() => new ConnectionProfileStore(blocked).Save(new ConnectionProfile("x", ConnectionKind.Sru)));
        Assert.Equal(new[] { "connections.json" }, Directory.GetFileSystemEntries(Path.GetDirectoryName(blocked)!).Select(Path.GetFileName));
        Assert.Equal(before, File.ReadAllText(StorePath));
    }

    [Fact]
    public void Files_and_folder_are_owner_only_on_unix()
    {
        if (OperatingSystem.IsWindows()) return;
        var store = new ConnectionProfileStore(StorePath);
        store.Save(WorldCat(store));
        const UnixFileMode ownerRw = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ownerRw, File.GetUnixFileMode(StorePath));
        Assert.Equal(ownerRw, File.GetUnixFileMode(store.KeyFilePath));
        Assert.Equal(ownerRw | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(StorePath)!));
        store.Save(new ConnectionProfile("again", ConnectionKind.IdLoc));
        Assert.Equal(ownerRw, File.GetUnixFileMode(StorePath));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"format\":\"other\",\"version\":1,\"connections\":[]}")]
    [InlineData("{\"format\":\"OclcCataloging.Connections\",\"version\":2,\"connections\":[]}")]
    [InlineData("{\"format\":\"OclcCataloging.Connections\",\"version\":1,\"connections\":[{\"name\":\"a\",\"kind\":\"Ftp\"}]}")]
    public void A_damaged_file_is_a_clear_error(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
        File.WriteAllText(StorePath, text);
        var e = Assert.Throws<ConnectionStoreException>(() => new ConnectionProfileStore(StorePath).Load());
        Assert.Contains("damaged", e.Message);
        Assert.Equal(StorePath, e.Path);
    }

    [Fact]
    public void The_default_path_honours_the_environment_variable()
    {
        string? old = Environment.GetEnvironmentVariable(ConnectionStorePaths.PathVariable);
        try
        {
            Environment.SetEnvironmentVariable(ConnectionStorePaths.PathVariable, StorePath);
            Assert.Equal(StorePath, ConnectionProfileStore.OpenDefault().Path);
            Environment.SetEnvironmentVariable(ConnectionStorePaths.PathVariable, null);
            Assert.EndsWith(Path.Combine("OclcCataloging", "connections.json"), ConnectionStorePaths.Default());
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConnectionStorePaths.PathVariable, old);
        }
    }

    private static bool Contains(byte[] haystack, byte[] needle) =>
        haystack.AsSpan().IndexOf(needle) >= 0;
}
