using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using OclcCataloging.Marc;
using OclcCataloging.Oclc;
using OclcCataloging.Resilience;
using OclcCataloging.Search;
using OclcCataloging.Search.Http;
using OclcCataloging.Search.WorldCat;

namespace OclcCataloging.Actions.WorldCat
{
    /// <summary>
    /// Holdings, local holdings record and validation calls of the WorldCat Metadata API v2, each turned into an
    /// <see cref="ActionOutcome"/>. Shares budget, pacing, token and retry handling with the search target
    /// (<see cref="WorldCatConnection"/>). Stop conditions (<see cref="SearchTargetUnavailableException"/>:
    /// credentials, missing scope, rate limit, budget) and cancellation propagate to the batch session.
    /// See docs/design/worldcat-record-actions.md.
    /// </summary>
    public sealed class WorldCatActionClient : IDisposable
    {
        private const string Json = "application/json";
        private const int MyHoldingsPageSize = 50;
        private readonly WorldCatConnection _connection;
        private readonly WorldCatRecordFormat _format;

        public WorldCatActionClient(WorldCatTargetOptions options, IRetryExecutor retry, HttpMessageHandler? handler = null)
        {
            _connection = new WorldCatConnection(options, retry, handler);
            _format = options.RecordFormat;
        }

        public WorldCatStatistics Statistics => _connection.Statistics;

        public DailyRequestBudget Budget => _connection.Budget;

        private WorldCatApiClient Api => _connection.Api;

        // ------------------------------------------------------------------ holdings

        /// <summary>Current holdings for up to 10 numbers in one request; one outcome per input, in order. Invalid numbers are Refused and not sent.</summary>
        public async Task<IReadOnlyList<ActionOutcome>> GetCurrentHoldingsAsync(IReadOnlyList<string> inputs, ActionContext context, CancellationToken cancellationToken)
        {
            if (inputs == null) throw new ArgumentNullException(nameof(inputs));
            if (inputs.Count > WorldCatActionPaths.MaxCurrentHoldingsNumbers)
                throw new ArgumentException("At most " + WorldCatActionPaths.MaxCurrentHoldingsNumbers + " numbers per current-holdings request.", nameof(inputs));
            var parsed = inputs.Select(ActionInputs.ParseOclcNumber).ToList();
            var outcomes = parsed.Select(p => p.IsValid ? null : InvalidNumber(p)).ToList();
            var valid = parsed.Where(p => p.IsValid).Select(p => p.OclcNumber!).Distinct().ToList();
            if (valid.Count == 0) return outcomes!;
            var shared = await GuardAsync(async () =>
            {
                var request = new WorldCatRequest(HttpMethod.Get, WorldCatActionPaths.CurrentHoldings(valid), Json) { RequiredScope = WorldCatScopes.ManageInstitutionHoldings };
                var response = await Api.SendAsync(request, context.Requests, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccess) return Failure(response);
                var reply = CurrentHoldingsReply.Parse(response.Text);
                for (int i = 0; i < parsed.Count; i++)
                {
                    if (outcomes[i] != null) continue;
                    outcomes[i] = reply.ByRequested.TryGetValue(parsed[i].Value, out var entry)
                        ? Current(parsed[i].OclcNumber!, entry, response.Status)
                        : new ActionOutcome { Status = ActionStatus.Error, OclcNumber = parsed[i].OclcNumber, HttpStatus = response.Status, Message = "WorldCat's answer did not mention " + parsed[i].OclcNumber + "." };
                }
                return null;
            }, null).ConfigureAwait(false);
            for (int i = 0; i < outcomes.Count; i++)
            {
                if (outcomes[i] != null) continue;
                outcomes[i] = new ActionOutcome { Status = shared!.Status, Message = shared.Message, HttpStatus = shared.HttpStatus, OclcNumber = parsed[i].OclcNumber };
            }
            return outcomes!;
        }

        private static ActionOutcome Current(string requested, CurrentHoldingsReply.Entry entry, int status)
        {
            if (entry.Current == null)
                return new ActionOutcome { Status = ActionStatus.NotFound, OclcNumber = requested, HttpStatus = status, InstitutionSymbol = entry.InstitutionSymbol, Message = "WorldCat has no record " + requested + "." };
            var current = Normalize(entry.Current);
            return new ActionOutcome
            {
                Status = ActionStatus.Done,
                OclcNumber = requested,
                CurrentOclcNumber = current,
                InstitutionSymbol = entry.InstitutionSymbol,
                IsHeld = entry.HoldingSet,
                HttpStatus = status,
                Message = (entry.HoldingSet ? "Held by " : "Not held by ") + (entry.InstitutionSymbol ?? "our institution") + "."
                    + (current != requested ? " " + requested + " was merged into " + current + "; the holding is on " + current + "." : ""),
            };
        }

        /// <summary>Sets our holding on one number (POST …/holdings/{ocn}/set).</summary>
        public Task<ActionOutcome> SetHoldingAsync(string input, ActionContext context, CancellationToken cancellationToken) =>
            HoldingAsync(input, set: true, cascadeDelete: false, context, cancellationToken);

        /// <summary>Unsets our holding (POST …/holdings/{ocn}/unset?cascadeDelete=…, always sent explicitly).</summary>
        public Task<ActionOutcome> UnsetHoldingAsync(string input, bool cascadeDelete, ActionContext context, CancellationToken cancellationToken) =>
            HoldingAsync(input, set: false, cascadeDelete, context, cancellationToken);

        /// <summary>The request a holdings action sends, for -WhatIf and the state file; null for an invalid number.</summary>
        public static string? DescribeHolding(string input, bool set, bool cascadeDelete)
        {
            var number = ActionInputs.ParseOclcNumber(input);
            if (!number.IsValid) return null;
            return "POST /worldcat/" + (set ? WorldCatActionPaths.SetHolding(number.OclcNumber!) : WorldCatActionPaths.UnsetHolding(number.OclcNumber!, cascadeDelete));
        }

        private async Task<ActionOutcome> HoldingAsync(string input, bool set, bool cascadeDelete, ActionContext context, CancellationToken ct)
        {
            var number = ActionInputs.ParseOclcNumber(input ?? throw new ArgumentNullException(nameof(input)));
            if (!number.IsValid) return InvalidNumber(number);
            var ocn = number.OclcNumber!;
            var outcome = await GuardAsync(async () =>
            {
                var path = set ? WorldCatActionPaths.SetHolding(ocn) : WorldCatActionPaths.UnsetHolding(ocn, cascadeDelete);
                var request = new WorldCatRequest(HttpMethod.Post, path, Json) { RequiredScope = WorldCatScopes.ManageInstitutionHoldings };
                var response = await Api.SendAsync(request, context.Requests, ct).ConfigureAwait(false);
                if (!response.IsSuccess) return Failure(response);
                var reply = HoldingReply.TryParse(response.Text) ?? throw new FormatException("The holdings answer is not a JSON object.");
                var current = reply.ControlNumber == null ? ocn : Normalize(reply.ControlNumber);
                var result = new ActionOutcome { OclcNumber = ocn, CurrentOclcNumber = current, InstitutionSymbol = reply.InstitutionSymbol, HttpStatus = response.Status, Message = reply.Message };
                if (reply.Success == true) result.Status = ActionStatus.Done;
                else if (reply.SaysAlready) result.Status = ActionStatus.NoChange;
                else
                {
                    result.Status = ActionStatus.Refused;
                    if (!set && reply.SaysAttached && !cascadeDelete)
                        result.Message += " The holding was kept. Unset it with cascading deletion to delete the attached local records with it.";
                }
                if (current != ocn)
                    result.Message = (result.Message ?? "").TrimEnd() + " WorldCat acted on the current record " + current + " (" + ocn + " was merged into it).";
                if (set) result.IsHeld = result.Status == ActionStatus.Done || result.Status == ActionStatus.NoChange ? true : (bool?)null;
                else result.IsHeld = result.Status == ActionStatus.Done || result.Status == ActionStatus.NoChange ? false : (bool?)null;
                return result;
            }, "Check with a current-holdings query whether " + ocn + " is held.").ConfigureAwait(false);
            outcome.OclcNumber = ocn;
            return outcome;
        }

        // ------------------------------------------------------------------ local holdings records

        /// <summary>Reads one LHR by control number (GET /manage/lhrs/{controlNumber}).</summary>
        public Task<ActionOutcome> GetLhrAsync(string controlNumber, ActionContext context, CancellationToken cancellationToken) =>
            LhrAsync(HttpMethod.Get, controlNumber, null, context, cancellationToken);

        /// <summary>Creates an LHR from a MARC holdings record (POST /manage/lhrs); the outcome carries the stored record and its control number.</summary>
        public Task<ActionOutcome> CreateLhrAsync(MarcRecord record, ActionContext context, CancellationToken cancellationToken) =>
            LhrAsync(HttpMethod.Post, null, record ?? throw new ArgumentNullException(nameof(record)), context, cancellationToken);

        /// <summary>Replaces the LHR with this control number (PUT /manage/lhrs/{controlNumber}; WorldCat creates it when absent).</summary>
        public Task<ActionOutcome> ReplaceLhrAsync(string controlNumber, MarcRecord record, ActionContext context, CancellationToken cancellationToken) =>
            LhrAsync(HttpMethod.Put, controlNumber, record ?? throw new ArgumentNullException(nameof(record)), context, cancellationToken);

        /// <summary>Deletes the LHR with this control number (DELETE /manage/lhrs/{controlNumber}).</summary>
        public Task<ActionOutcome> DeleteLhrAsync(string controlNumber, ActionContext context, CancellationToken cancellationToken) =>
            LhrAsync(HttpMethod.Delete, controlNumber, null, context, cancellationToken);

        /// <summary>The control numbers of our LHRs on a bibliographic record, optionally of one holding library code (852 $b).</summary>
        public async Task<IReadOnlyList<string>> FindLhrsAsync(string oclcNumber, string? holdingLibraryCode, ActionContext context, CancellationToken cancellationToken)
        {
            var found = new List<string>();
            int offset = 0;
            while (true)
            {
                var request = new WorldCatRequest(HttpMethod.Get, WorldCatActionPaths.MyHoldings(oclcNumber, MyHoldingsPageSize, offset), Json) { RequiredScope = WorldCatScopes.ViewMyHoldings };
                var response = await Api.SendAsync(request, context.Requests, cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccess)
                {
                    if (WorldCatErrorBody.IsNotFound(response.Status, WorldCatErrorBody.Parse(response.Text))) return found;
                    throw new SearchHttpException(response.Status, Describe(response));
                }
                var reply = MyHoldingsReply.Parse(response.Text);
                foreach (var holding in reply.Holdings)
                    if (holdingLibraryCode == null || string.Equals(holding.Value, holdingLibraryCode, StringComparison.OrdinalIgnoreCase)) found.Add(holding.Key);
                offset += reply.Holdings.Count;
                if (reply.Holdings.Count == 0 || offset >= reply.NumberOfHoldings) return found;
            }
        }

        private async Task<ActionOutcome> LhrAsync(HttpMethod method, string? controlNumber, MarcRecord? record, ActionContext context, CancellationToken ct)
        {
            string? control = null;
            if (method != HttpMethod.Post)
            {
                if (!ActionInputs.TryParseControlNumber(controlNumber, out var parsed))
                    return ActionOutcome.Refused("'" + controlNumber + "' is not a local holdings record control number (digits only); nothing was sent.");
                control = parsed;
            }
            string? ocn = record == null ? null : ActionInputs.FindOclcNumber(record)?.OclcNumber;
            if (record != null && record.Kind != RecordKind.Holdings)
                return new ActionOutcome { Status = ActionStatus.Refused, ControlNumber = control, OclcNumber = ocn, Message = "The record is not a MARC holdings record (leader/06 " + record.Leader.ToString().Substring(6, 1) + "); nothing was sent." };
            byte[]? body;
            try { body = record == null ? null : WorldCatRecordBody.Serialize(record, _format); }
            catch (MarcEncodingException ex) { return new ActionOutcome { Status = ActionStatus.Refused, ControlNumber = control, OclcNumber = ocn, Message = "The record cannot be sent: " + ex.Message }; }
            var outcome = await GuardAsync(async () =>
            {
                var request = new WorldCatRequest(method, control == null ? WorldCatActionPaths.Lhrs : WorldCatActionPaths.Lhr(control), WorldCatRecordBody.MediaType(_format))
                {
                    RequiredScope = WorldCatScopes.ManageInstitutionLhrs,
                    Body = body,
                    ContentType = body == null ? null : WorldCatRecordBody.MediaType(_format),
                };
                var response = await Api.SendAsync(request, context.Requests, ct).ConfigureAwait(false);
                if (!response.IsSuccess) return Failure(response);
                var result = new ActionOutcome { Status = ActionStatus.Done, HttpStatus = response.Status };
                if (response.Body.Length > 0 && method != HttpMethod.Delete)
                {
                    result.Record = WorldCatRecordBody.Parse(response, _format);
                    result.ControlNumber = result.Record.ControlNumber?.Trim();
                    result.OclcNumber = ActionInputs.FindOclcNumber(result.Record)?.OclcNumber;
                }
                result.Message = method == HttpMethod.Get ? "Read." : method == HttpMethod.Post ? "Created." : method == HttpMethod.Put ? "Replaced." : "Deleted.";
                return result;
            }, (control == null ? "Look up our local holdings records of this OCLC number in WorldCat to see whether it was created." : "Read local holdings record " + control + " back from WorldCat to see whether it was changed.")).ConfigureAwait(false);
            outcome.ControlNumber ??= control;
            outcome.OclcNumber ??= ocn;
            return outcome;
        }

        // ------------------------------------------------------------------ validation

        /// <summary>Validates a bibliographic record with OCLC (POST /manage/bibs/validate/{level}); findings are Refused with issues.</summary>
        public async Task<ActionOutcome> ValidateAsync(MarcRecord record, WorldCatValidationLevel level, ActionContext context, CancellationToken cancellationToken)
        {
            if (record == null) throw new ArgumentNullException(nameof(record));
            var ocn = ActionInputs.FindOclcNumber(record);
            byte[] body;
            try { body = WorldCatRecordBody.Serialize(record, _format); }
            catch (MarcEncodingException ex) { return ActionOutcome.Refused("The record cannot be sent: " + ex.Message, ocn?.OclcNumber); }
            var outcome = await GuardAsync(async () =>
            {
                var request = new WorldCatRequest(HttpMethod.Post, WorldCatActionPaths.Validate(level), Json)
                {
                    IsWrite = false, // validating changes nothing in WorldCat: safe to send again after a lost reply
                    RequiredScope = WorldCatScopes.ManageBibs,
                    Body = body,
                    ContentType = WorldCatRecordBody.MediaType(_format),
                };
                var response = await Api.SendAsync(request, context.Requests, cancellationToken).ConfigureAwait(false);
                var issues = ValidationReply.TryParse(response.Text);
                if (response.IsSuccess && (issues == null || issues.Count == 0))
                    return new ActionOutcome { Status = ActionStatus.Done, HttpStatus = response.Status, Message = "Valid (" + level + ")." };
                if (issues != null && issues.Count > 0)
                    return new ActionOutcome
                    {
                        Status = ActionStatus.Refused,
                        HttpStatus = response.Status,
                        ValidationIssues = issues,
                        Message = issues.Count + " validation error" + (issues.Count == 1 ? "" : "s") + " (" + level + "): " + string.Join("; ", issues.Select(i => i.ToString())),
                    };
                return Failure(response);
            }, null).ConfigureAwait(false);
            outcome.OclcNumber = ocn?.OclcNumber;
            return outcome;
        }

        // ------------------------------------------------------------------ shared

        private static ActionOutcome InvalidNumber(OclcNumberInfo number) =>
            ActionOutcome.Refused("'" + number.RawValue.Trim() + "' is not a valid OCLC number" + (number.Problem == null ? "" : ": " + number.Problem) + "; nothing was sent.");

        private static string Normalize(string number)
        {
            var info = OclcNumberParser.Parse(number);
            return info.IsValid ? info.OclcNumber! : number.Trim();
        }

        private static ActionOutcome Failure(WorldCatResponse response)
        {
            var body = WorldCatErrorBody.Parse(response.Text);
            return new ActionOutcome
            {
                Status = WorldCatErrorBody.IsNotFound(response.Status, body) ? ActionStatus.NotFound : ActionStatus.Error,
                HttpStatus = response.Status,
                Message = Describe(response),
            };
        }

        /// <summary>OCLC's own message, or the start of a body that is not one of its JSON shapes.</summary>
        private static string Describe(WorldCatResponse response)
        {
            var said = WorldCatErrorBody.Parse(response.Text).Describe();
            if (said != null) return said;
            var text = response.Text.Trim();
            return "HTTP " + response.Status + (text.Length == 0 ? "." : ": " + (text.Length > 300 ? text.Substring(0, 300) + "…" : text));
        }

        /// <summary>Turns what can go wrong with one input into its outcome; run-stopping conditions and cancellation pass through.</summary>
        private async Task<ActionOutcome> GuardAsync(Func<Task<ActionOutcome?>> body, string? unknownAdvice)
        {
            ActionOutcome? outcome;
            try
            {
                outcome = await body().ConfigureAwait(false);
            }
            catch (WorldCatOutcomeUnknownException ex)
            {
                outcome = new ActionOutcome { Status = ActionStatus.Unknown, Message = Redact(ex.Message) + (unknownAdvice == null ? "" : " " + unknownAdvice) };
            }
            catch (SearchHttpException ex)
            {
                outcome = new ActionOutcome { Status = ActionStatus.Error, HttpStatus = ex.StatusCode, Message = Redact(ex.Message) };
            }
            catch (TimeoutException ex)
            {
                outcome = new ActionOutcome { Status = ActionStatus.Error, Message = Redact(ex.Message) };
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is IOException || ex is SocketException)
            {
                outcome = new ActionOutcome { Status = ActionStatus.Error, Message = "Connection failed: " + Redact(ex.Message) };
            }
            catch (FormatException ex)
            {
                outcome = new ActionOutcome { Status = ActionStatus.Error, Message = "WorldCat's answer could not be read: " + Redact(ex.Message) };
            }
            return outcome ?? new ActionOutcome { Status = ActionStatus.Done };
        }

        private string Redact(string text) => _connection.Tokens.Redact(text);

        public void Dispose() => _connection.Dispose();
    }
}
