using System;
using System.Globalization;
using System.IO;
using System.Management.Automation;
using OclcCataloging.Gateway;
using OclcCataloging.Marc;

namespace OclcCataloging.Commands.Gateway
{
    /// <summary>
    /// Turns a record that was not accepted into a non-terminating error: the id is the result's stable
    /// <see cref="GatewayErrorCodes"/> value, the target object is the record, and the message says which record,
    /// which receiver and why. No message here can hold a password: the core never puts one in its texts.
    /// </summary>
    internal static class GatewayErrorRecords
    {
        internal static ErrorRecord ForResult(GatewaySendResult result, object record, long ordinal)
        {
            string code = result.ErrorCode ?? GatewayErrorCodes.UnrecognisedReply;
            string subject = MarcRecordText.Numbered(ordinal, result.ControlNumber);
            string verb = result.Status == GatewayStatus.NotSent ? " was not sent to "
                : result.Status == GatewayStatus.Rejected ? " was rejected by "
                : " has an unknown outcome at ";
            string receiver = result.ReceiverType + " receiver " + result.ComputerName + ":" + result.Port.ToString(CultureInfo.InvariantCulture);
            string message = code == GatewayErrorCodes.LogonRefused
                ? "The " + receiver + " refused the logon at " + subject.Substring(0, 1).ToLowerInvariant() + subject.Substring(1)
                  + " (reply '" + (result.ReplyText ?? string.Empty).Trim('\0', ' ', '\r', '\n') + "'); the run stopped there, since every further record would be refused too."
                : subject + verb + receiver + ": " + (result.Message ?? result.ReplyText ?? code);
            Exception exception = result.Status == GatewayStatus.NotSent && IsRecordProblem(code)
                ? new InvalidDataException(message)
                : new IOException(message);
            return new ErrorRecord(exception, code, Category(code), record)
            {
                ErrorDetails = new ErrorDetails(message) { RecommendedAction = RecommendedAction(code) },
            };
        }

        private static bool IsRecordProblem(string code) =>
            code == GatewayErrorCodes.RecordTooLong || code == GatewayErrorCodes.RecordStructureInvalid
            || code == GatewayErrorCodes.RecordLengthMismatch || code == GatewayErrorCodes.EncodingMismatch
            || code == GatewayErrorCodes.AuthorityRecord || code == GatewayErrorCodes.RecordNotEncodable
            || code == GatewayErrorCodes.RecordInvalid;

        internal static ErrorCategory Category(string code)
        {
            switch (code)
            {
                case GatewayErrorCodes.RecordTooLong: return ErrorCategory.LimitsExceeded;
                case GatewayErrorCodes.AuthorityRecord: return ErrorCategory.InvalidType;
                case GatewayErrorCodes.IdentifierNotEncodable: return ErrorCategory.InvalidArgument;
                case GatewayErrorCodes.HostNotFound: return ErrorCategory.ObjectNotFound;
                case GatewayErrorCodes.ConnectTimeout:
                case GatewayErrorCodes.ReplyTimeout: return ErrorCategory.OperationTimeout;
                case GatewayErrorCodes.ConnectFailed:
                case GatewayErrorCodes.SendFailed:
                case GatewayErrorCodes.NoReply:
                case GatewayErrorCodes.ConnectionReset: return ErrorCategory.ConnectionError;
                case GatewayErrorCodes.Cancelled: return ErrorCategory.OperationStopped;
                case GatewayErrorCodes.ReceiverRejected: return ErrorCategory.InvalidOperation;
                case GatewayErrorCodes.LogonRefused: return ErrorCategory.PermissionDenied;
                case GatewayErrorCodes.UnrecognisedReply: return ErrorCategory.InvalidResult;
                default: return IsRecordProblem(code) ? ErrorCategory.InvalidData : ErrorCategory.NotSpecified;
            }
        }

        private static string RecommendedAction(string code)
        {
            switch (code)
            {
                case GatewayErrorCodes.RecordTooLong: return "Shorten the record (receivers cannot take records over 99,999 bytes).";
                case GatewayErrorCodes.EncodingMismatch: return "Send with -Encoding Utf8 or -Encoding Marc8, or correct leader/09.";
                case GatewayErrorCodes.RecordInvalid: return ExportValidation.FixAdvice.Replace("write it unchecked", "send it unchecked");
                case GatewayErrorCodes.AuthorityRecord: return "Use -AllowAuthority if the receiver really takes authority records.";
                case GatewayErrorCodes.IdentifierNotEncodable: return "Check -UserId and -Credential: values over 191 bytes must not start with a digit, and none may hold a NUL.";
                case GatewayErrorCodes.HostNotFound:
                case GatewayErrorCodes.ConnectFailed:
                case GatewayErrorCodes.ConnectTimeout: return "Check -ComputerName and -Port, and that the receiver is running; the record was not sent and can be sent again.";
                case GatewayErrorCodes.ReceiverRejected: return "Read the reply text (ReplyText of the result) and fix the record or the logon.";
                case GatewayErrorCodes.LogonRefused: return "Check the logon ID and password of -Credential and the -UserId (or the saved connection: Set-OclcConnection), then send the records again; nothing after this record was sent.";
                case GatewayErrorCodes.SendFailed:
                case GatewayErrorCodes.NoReply:
                case GatewayErrorCodes.ReplyTimeout:
                case GatewayErrorCodes.ConnectionReset:
                case GatewayErrorCodes.Cancelled:
                case GatewayErrorCodes.UnrecognisedReply: return "Check in the receiver whether the record was imported before sending it again.";
                default: return "Fix the record and send it again.";
            }
        }
    }
}
