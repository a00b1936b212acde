using System;

namespace OclcCataloging.DataSync.Transfer
{
    /// <summary>SFTP paths are always forward-slash paths, whatever the local system uses.</summary>
    public static class RemotePath
    {
        public static string Combine(string folder, string name)
        {
            if (folder == null) throw new ArgumentNullException(nameof(folder));
            return folder.TrimEnd('/') + "/" + name;
        }

        public static string NameOf(string path)
        {
            int slash = path.TrimEnd('/').LastIndexOf('/');
            return slash < 0 ? path : path.Substring(slash + 1);
        }

        public static string FolderOf(string path)
        {
            int slash = path.LastIndexOf('/');
            return slash <= 0 ? "/" : path.Substring(0, slash);
        }
    }
}
