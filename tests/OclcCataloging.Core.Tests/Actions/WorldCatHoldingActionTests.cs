using System.Net.Http;
using OclcCataloging.Actions;
using OclcCataloging.Actions.WorldCat;
using OclcCataloging.Search;
using Xunit;
using static OclcCataloging.Core.Tests.Actions.FakeWorldCatHandler;

namespace OclcCataloging.Core.Tests.Actions;

public class WorldCatHoldingActionTests
{
    private static (WorldCatActionClient Client, FakeWorldCatHandler Handler) Create(Func<ApiRequest, HttpResponseMessage> respond)
    {
        var handler = new FakeWorldCatHandler(respond);
        var options = Options();
        return (new WorldCatActionClient(options, Executor(options), handler), handler);
    }

    [Fact]
    public async Task Unset_always_sends_cascadeDelete_explicitly_false_by_default()
    {
        var (client, handler) = Create(_ => Json(200, HoldingJson("12345", "12345", true, "Unset Holdings Succeeded.")));
        using (client)
        {
            var outcome = await client.UnsetHoldingAsync("12345", cascadeDelete: false, new ActionContext(), CancellationToken.None);

            Assert.Equal(ActionStatus.Done, outcome.Status);
            Assert.Equal(false, outcome.IsHeld);
            var request = Assert.Single(handler.Requests);
            Assert.Equal(HttpMethod.Post, request.Method);
            Assert.Equal("/worldcat/manage/institution/holdings/12345/unset?cascadeDelete=false", request.PathAndQuery);
        }
    }

    [Fact]
    public async Task Unset_with_cascade_sends_true()
    {
        var (client, handler) = Create(_ => Json(200, HoldingJson("12345", "12345", true, "Unset Holdings Succeeded.")));
        using (client) await client.UnsetHoldingAsync("(OCoLC)ocm00012345", cascadeDelete: true, new ActionContext(), CancellationToken.None);
        Assert.EndsWith("/holdings/12345/unset?cascadeDelete=true", handler.Requests.Single().PathAndQuery);
    }

    [Theory]
    [InlineData("WorldCat Holding already unset.", false, ActionStatus.NoChange)]
    [InlineData("WorldCat Holding already set.", true, ActionStatus.NoChange)]
    [InlineData("Unset Holdings Failed. Local holdings records (LHRs) are attached to this record.", false, ActionStatus.Refused)]
    public async Task Refusals_answered_200_with_success_false_are_read_from_the_body(string message, bool set, ActionStatus expected)
    {
        var (client, _) = Create(_ => Json(200, HoldingJson("777", "777", false, message)));
        using (client)
        {
            var context = new ActionContext();
            var outcome = set
                ? await client.SetHoldingAsync("777", context, CancellationToken.None)
                : await client.UnsetHoldingAsync("777", false, context, CancellationToken.None);

            Assert.Equal(expected, outcome.Status);
            Assert.StartsWith(message, outcome.Message);
            if (expected == ActionStatus.Refused) Assert.Contains("cascading deletion", outcome.Message);
        }
    }

    [Fact]
    public async Task A_merged_number_is_reported_with_the_number_WorldCat_acted_on()
    {
        var (client, _) = Create(_ => Json(200, HoldingJson("261176486", "311684437", true, "Set Holding Succeeded.")));
        using (client)
        {
            var outcome = await client.SetHoldingAsync("261176486", new ActionContext(), CancellationToken.None);

            Assert.Equal(ActionStatus.Done, outcome.Status);
            Assert.Equal("261176486", outcome.OclcNumber);
            Assert.Equal("311684437", outcome.CurrentOclcNumber);
            Assert.Contains("311684437 (261176486 was merged into it)", outcome.Message);
        }
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("(OCoLC-M)123")]
    [InlineData("")]
    public async Task An_invalid_number_is_refused_and_nothing_is_sent(string input)
    {
        var (client, handler) = Create(_ => throw new InvalidOperationException("nothing may be sent"));
        using (client)
        {
            var outcome = await client.UnsetHoldingAsync(input, true, new ActionContext(), CancellationToken.None);

            Assert.Equal(ActionStatus.Refused, outcome.Status);
            Assert.Contains("nothing was sent", outcome.Message);
            Assert.Empty(handler.Requests);
            Assert.Equal(0, handler.TokenRequests);
        }
    }

    [Fact]
    public async Task Connexion_marks_before_a_number_are_accepted()
    {
        var (client, handler) = Create(_ => Json(200, HoldingJson("55", "55", true, "ok")));
        using (client)
        {
            foreach (var input in new[] { "#55", "*55", "no:55", "ocm00000055" })
                Assert.Equal(ActionStatus.Done, (await client.SetHoldingAsync(input, new ActionContext(), CancellationToken.None)).Status);
        }
        Assert.All(handler.Requests, r => Assert.Equal("/worldcat/manage/institution/holdings/55/set", r.PathAndQuery));
    }

    [Fact]
    public async Task Bib_not_found_is_NotFound_with_OCLCs_message()
    {
        var (client, _) = Create(_ => Json(400, "{\"type\":\"BAD_REQUEST\",\"title\":\"Unable to perform the bib read operation.\",\"detail\":{\"summary\":\"NOT_FOUND\",\"description\":\"Not able to find the requested Bib\"}}"));
        using (client)
        {
            var outcome = await client.SetHoldingAsync("999999999", new ActionContext(), CancellationToken.None);
            Assert.Equal(ActionStatus.NotFound, outcome.Status);
            Assert.Contains("Not able to find the requested Bib", outcome.Message);
        }
    }

    [Theory]
    [InlineData(409)]
    [InlineData(412)]
    [InlineData(422)]
    public async Task Conflicts_give_OCLCs_message_per_input(int status)
    {
        var (client, handler) = Create(_ => Json(status, "{\"type\":\"CONFLICT\",\"title\":\"Holding conflict\",\"detail\":\"The record is locked by another process\"}"));
        using (client)
        {
            var outcome = await client.UnsetHoldingAsync("42", false, new ActionContext(), CancellationToken.None);
            Assert.Equal(ActionStatus.Error, outcome.Status);
            Assert.Equal(status, outcome.HttpStatus);
            Assert.Equal("Holding conflict: The record is locked by another process", outcome.Message);
            Assert.Single(handler.Requests);
        }
    }

    [Fact]
    public async Task Status_403_stops_with_a_message_naming_the_scope()
    {
        var (client, _) = Create(_ => Json(403, "{\"message\":\"Forbidden\"}"));
        using (client)
        {
            var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() => client.UnsetHoldingAsync("42", false, new ActionContext(), CancellationToken.None));
            Assert.Equal("MissingScope", ex.Reason);
            Assert.Contains(WorldCatScopes.ManageInstitutionHoldings, ex.Message);
        }
    }

    [Fact]
    public async Task Status_401_renews_the_token_once_then_succeeds()
    {
        var (client, handler) = Create(r => r.Number == 1 ? Json(401, "{\"message\":\"Unauthorized\"}") : Json(200, HoldingJson("42", "42", true, "ok")));
        using (client)
        {
            var context = new ActionContext();
            var outcome = await client.SetHoldingAsync("42", context, CancellationToken.None);
            Assert.Equal(ActionStatus.Done, outcome.Status);
            Assert.Equal(2, context.Attempts);
            Assert.Equal(2, handler.TokenRequests);
        }
    }

    [Fact]
    public async Task Status_401_twice_stops_the_run()
    {
        var (client, handler) = Create(_ => Json(401, "{\"message\":\"Unauthorized\"}"));
        using (client)
        {
            var ex = await Assert.ThrowsAsync<SearchTargetUnavailableException>(() => client.SetHoldingAsync("42", new ActionContext(), CancellationToken.None));
            Assert.Equal("AuthenticationFailed", ex.Reason);
            Assert.Equal(2, handler.Requests.Count);
            Assert.DoesNotContain("secret-never-shown", ex.Message);
        }
    }

    [Fact]
    public async Task Status_429_waits_for_Retry_After_and_sends_again()
    {
        var (client, handler) = Create(r => r.Number == 1 ? Json(429, "{}", retryAfterSeconds: 1) : Json(200, HoldingJson("42", "42", true, "ok")));
        using (client)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var outcome = await client.UnsetHoldingAsync("42", false, new ActionContext(), CancellationToken.None);
            Assert.Equal(ActionStatus.Done, outcome.Status);
            Assert.Equal(2, handler.Requests.Count);
            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), "waited " + clock.Elapsed);
        }
    }

    [Fact]
    public async Task A_lost_reply_to_a_write_is_Unknown_and_never_sent_again()
    {
        var (client, handler) = Create(_ => throw new HttpRequestException("The response ended prematurely.", new IOException("connection reset")));
        using (client)
        {
            var context = new ActionContext();
            var outcome = await client.UnsetHoldingAsync("42", true, context, CancellationToken.None);
            Assert.Equal(ActionStatus.Unknown, outcome.Status);
            Assert.Contains("not sent again", outcome.Message);
            Assert.Single(handler.Requests);
        }
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task A_gateway_error_on_a_write_is_Unknown_and_not_retried(int status)
    {
        var (client, handler) = Create(_ => Json(status, "{}"));
        using (client)
        {
            var outcome = await client.SetHoldingAsync("42", new ActionContext(), CancellationToken.None);
            Assert.Equal(ActionStatus.Unknown, outcome.Status);
            Assert.Single(handler.Requests);
        }
    }

    [Fact]
    public async Task Current_holdings_map_each_input_including_unknown_and_merged_numbers()
    {
        var (client, handler) = Create(_ => Json(200, "{\"holdings\":[{\"requestedControlNumber\":\"1\",\"currentControlNumber\":\"1\",\"institutionSymbol\":\"OCWMS\",\"holdingSet\":true},"
            + "{\"requestedControlNumber\":\"261176486\",\"currentControlNumber\":\"311684437\",\"institutionSymbol\":\"OCWMS\",\"holdingSet\":false},"
            + "{\"requestedControlNumber\":\"999999999999\",\"currentControlNumber\":null,\"institutionSymbol\":\"OCWMS\",\"holdingSet\":false}]}"));
        using (client)
        {
            var outcomes = await client.GetCurrentHoldingsAsync(new[] { "1", "bad", "261176486", "999999999999" }, new ActionContext(), CancellationToken.None);

            Assert.Equal(new[] { ActionStatus.Done, ActionStatus.Refused, ActionStatus.Done, ActionStatus.NotFound }, outcomes.Select(o => o.Status));
            Assert.Equal(true, outcomes[0].IsHeld);
            Assert.Equal(false, outcomes[2].IsHeld);
            Assert.Equal("311684437", outcomes[2].CurrentOclcNumber);
            Assert.Contains("merged", outcomes[2].Message);
            Assert.Equal("/worldcat/manage/institution/holdings/current?oclcNumbers=1%2C261176486%2C999999999999", handler.Requests.Single().PathAndQuery);
        }
    }

    [Fact]
    public async Task Current_holdings_refuse_more_than_ten_numbers_per_request()
    {
        var (client, _) = Create(_ => Json(200, "{\"holdings\":[]}"));
        using (client)
            await Assert.ThrowsAsync<ArgumentException>(() => client.GetCurrentHoldingsAsync(Enumerable.Range(1, 11).Select(i => i.ToString()).ToList(), new ActionContext(), CancellationToken.None));
    }
}

public class WorldCatScopesTests
{
    [Theory]
    [InlineData("WorldCatMetadataAPI", true)]
    [InlineData("WorldCatMetadataAPI context:128807", true)]
    [InlineData("WorldCatMetadataAPI:manage_institution_holdings", true)]
    [InlineData("WorldCatMetadataAPI:manage_bibs WorldCatMetadataAPI:view_my_holdings", false)]
    [InlineData("", false)]
    public void A_scope_request_covers_holdings_only_with_the_umbrella_or_the_scope_itself(string requested, bool covers) =>
        Assert.Equal(covers, WorldCatScopes.Covers(requested, WorldCatScopes.ManageInstitutionHoldings));
}

public class WorldCatScopesNotCoveredTests
{
    [Fact]
    public void The_umbrella_leaves_nothing_out_and_a_search_only_scope_leaves_out_every_action_scope()
    {
        Assert.Empty(WorldCatScopes.NotCovered("WorldCatMetadataAPI context:128807"));
        Assert.Equal(WorldCatScopes.ForRecordActions, WorldCatScopes.NotCovered("WorldCatSearchAPI"));
        Assert.Equal(new[] { WorldCatScopes.ViewMyHoldings, WorldCatScopes.ManageBibs },
            WorldCatScopes.NotCovered(WorldCatScopes.ManageInstitutionHoldings + " " + WorldCatScopes.ManageInstitutionLhrs));
    }
}
