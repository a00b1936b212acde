using System;
using System.IO;
using System.Management.Automation;

namespace OclcCataloging.Commands
{
    /// <summary>-ReportPath of the record checks: opens the report (temporary files) and completes it with the cmdlet's errors.</summary>
    internal static class ValidationReportFiles
    {
        public static T? Open<T>(PSCmdlet cmdlet, string? reportPath, Func<string, T> open) where T : class
        {
            if (string.IsNullOrEmpty(reportPath)) return null;
            string path = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(reportPath);
            try
            {
                return open(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(e, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, path)
                {
                    ErrorDetails = new ErrorDetails("Cannot write the report '" + path + "': " + e.Message) { RecommendedAction = "Give -ReportPath a file in a folder that exists and that you can write to." },
                });
                return null;
            }
        }

        public static void Complete(PSCmdlet cmdlet, string? reportPath, Action complete, string htmlPath)
        {
            try
            {
                complete();
                cmdlet.WriteVerbose("Report written: " + reportPath + " and " + htmlPath);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                cmdlet.WriteError(new ErrorRecord(e, ErrorIds.FileWriteFailed, ErrorCategory.WriteError, reportPath));
            }
        }
    }
}
