using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using OclcCataloging.Text.Json;

namespace OclcCataloging.Connections
{
    /// <summary>
    /// Reads and writes the connections file:
    /// <code>
    /// { "format": "OclcCataloging.Connections", "version": 1, "connections": [
    ///   { "name": "worldcat", "kind": "WorldCat", "userName": "client id", "description": "...",
    ///     "modified": "2026-01-31T22:15:00.0000000+00:00",
    ///     "secret": { "store": "KeyFile", "value": "v1:..." },
    ///     "settings": { "BaseAddress": "https://..." }, "indexMap": { "Title": "dc.title" } } ] }
    /// </code>
    /// </summary>
    internal static class ConnectionProfileSerializer
    {
        internal const string FormatName = "OclcCataloging.Connections";
        internal const int Version = 1;

        internal static string Write(IEnumerable<ConnectionProfile> profiles)
        {
            var sb = new StringBuilder();
            sb.Append("{\n  \"format\": ");
            JsonWriter.WriteString(sb, FormatName);
            sb.Append(",\n  \"version\": ").Append(Version).Append(",\n  \"connections\": [");
            bool first = true;
            foreach (ConnectionProfile p in profiles)
            {
                sb.Append(first ? "\n" : ",\n");
                first = false;
                WriteProfile(sb, p);
            }
            sb.Append(first ? "]\n}\n" : "\n  ]\n}\n");
            return sb.ToString();
        }

        private static void WriteProfile(StringBuilder sb, ConnectionProfile p)
        {
            sb.Append("    {\n");
            Property(sb, "name", p.Name, last: false);
            Property(sb, "kind", p.Kind.ToString(), last: false);
            if (p.UserName != null) Property(sb, "userName", p.UserName, last: false);
            if (p.Description != null) Property(sb, "description", p.Description, last: false);
            Property(sb, "modified", p.Modified.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture), last: false);
            if (p.ProtectedSecret != null)
            {
                sb.Append("      \"secret\": { \"store\": ");
                JsonWriter.WriteString(sb, p.SecretStore.ToString());
                sb.Append(", \"value\": ");
                JsonWriter.WriteString(sb, p.ProtectedSecret);
                sb.Append(" },\n");
            }
            Map(sb, "settings", p.Settings);
            sb.Append(",\n");
            Map(sb, "indexMap", p.IndexMap);
            sb.Append("\n    }");
        }

        private static void Property(StringBuilder sb, string name, string value, bool last)
        {
            sb.Append("      \"").Append(name).Append("\": ");
            JsonWriter.WriteString(sb, value);
            sb.Append(last ? "\n" : ",\n");
        }

        private static void Map(StringBuilder sb, string name, IDictionary<string, string> map)
        {
            sb.Append("      \"").Append(name).Append("\": {");
            bool first = true;
            foreach (var kv in map)
            {
                sb.Append(first ? " " : ", ");
                first = false;
                JsonWriter.WriteString(sb, kv.Key);
                sb.Append(": ");
                JsonWriter.WriteString(sb, kv.Value);
            }
            sb.Append(first ? "}" : " }");
        }

        /// <summary>Parses the file's text; throws <see cref="FormatException"/> with a reason when it is not a connections file.</summary>
        internal static List<ConnectionProfile> Read(string text)
        {
            if (!(JsonReader.Parse(text) is Dictionary<string, object?> root) || !(Get(root, "format") is string format) || format != FormatName)
                throw new FormatException("it is not an OclcCataloging connections file");
            if (!(Get(root, "version") is JsonNumber version) || !version.TryGetDouble(out double number) || number != Version)
                throw new FormatException("version " + Get(root, "version") + " is not supported (expected " + Version + ")");
            var result = new List<ConnectionProfile>();
            if (!(Get(root, "connections") is List<object?> items)) throw new FormatException("'connections' must be a list");
            foreach (object? item in items)
            {
                if (!(item is Dictionary<string, object?> o)) throw new FormatException("each connection must be an object");
                result.Add(ReadProfile(o));
            }
            return result;
        }

        private static ConnectionProfile ReadProfile(Dictionary<string, object?> o)
        {
            string name = RequiredString(o, "name");
            if (!Enum.TryParse(RequiredString(o, "kind"), ignoreCase: true, out ConnectionKind kind) || !Enum.IsDefined(typeof(ConnectionKind), kind))
                throw new FormatException("connection '" + name + "' has an unknown kind");
            var p = new ConnectionProfile(name, kind)
            {
                UserName = Get(o, "userName") as string,
                Description = Get(o, "description") as string,
            };
            if (Get(o, "modified") is string modified && DateTimeOffset.TryParse(modified, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out DateTimeOffset m))
                p.Modified = m;
            if (Get(o, "secret") is Dictionary<string, object?> secret)
            {
                if (!Enum.TryParse(Get(secret, "store") as string, ignoreCase: true, out SecretStoreKind store) || store == SecretStoreKind.None || !Enum.IsDefined(typeof(SecretStoreKind), store) || !(Get(secret, "value") is string value))
                    throw new FormatException("connection '" + name + "' has an unreadable secret entry");
                p.SetProtectedSecret(store, value);
            }
            ReadMap(o, "settings", p.Settings, name);
            ReadMap(o, "indexMap", p.IndexMap, name);
            return p;
        }

        private static void ReadMap(Dictionary<string, object?> o, string key, IDictionary<string, string> target, string name)
        {
            object? value = Get(o, key);
            if (value == null) return;
            if (!(value is Dictionary<string, object?> map)) throw new FormatException("'" + key + "' of connection '" + name + "' must be an object");
            foreach (var kv in map)
            {
                if (!(kv.Value is string s)) throw new FormatException("'" + key + "." + kv.Key + "' of connection '" + name + "' must be a string");
                target[kv.Key] = s;
            }
        }

        private static object? Get(Dictionary<string, object?> o, string key) => o.TryGetValue(key, out object? v) ? v : null;

        private static string RequiredString(Dictionary<string, object?> o, string key) =>
            Get(o, key) is string s && s.Length > 0 ? s : throw new FormatException("a connection has no '" + key + "'");
    }
}
