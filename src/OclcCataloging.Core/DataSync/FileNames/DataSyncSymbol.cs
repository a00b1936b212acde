using System.Text;

namespace OclcCataloging.DataSync.FileNames
{
    /// <summary>OCLC's conversion of the control characters in symbols for file names: @ → _64, $ → _36, # → _35.</summary>
    public static class DataSyncSymbol
    {
        /// <summary>EL$ → EL_36.</summary>
        public static string Encode(string symbol)
        {
            var sb = new StringBuilder(symbol.Length + 4);
            foreach (char c in symbol)
            {
                switch (c)
                {
                    case '@': sb.Append("_64"); break;
                    case '$': sb.Append("_36"); break;
                    case '#': sb.Append("_35"); break;
                    default: sb.Append(c); break;
                }
            }
            return sb.ToString();
        }

        /// <summary>EL_36 → EL$.</summary>
        public static string Decode(string element) => element.Replace("_64", "@").Replace("_36", "$").Replace("_35", "#");
    }
}
