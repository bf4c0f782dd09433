using System.Net;
using System.Text.Json;
using Connectors.Sitoo.Models;
using Connectors.Sitoo.Tests.Support;

namespace Connectors.Sitoo.Tests;

/// <summary>Batch writes report every item's outcome, whatever shape Sitoo answers with.</summary>
public sealed class BatchWriteTests
{
    private static SitooProductWrite Product(string sku) => new() { Sku = sku, Title = sku, MoneyPrice = 10m };

    [Fact]
    public async Task Documented_batch_answer_gives_each_product_its_new_id()
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson(Fixture.Docs("batchAddProducts.response.200.json"));

        var result = await host.Client.Products.AddAsync([Product("Q100"), Product("Q101")]);

        Assert.True(result.AllSucceeded);
        Assert.Equal([28L, 29L], result.Select(r => r.NumericId!.Value));
        Assert.Equal("/v2/accounts/1500/sites/1/products.json", host.Server.Requests[0].Path);
        Assert.Equal(HttpMethod.Post, host.Server.Requests[0].Method);
    }

    [Fact]
    public async Task User_ids_come_back_as_guids_with_braces()
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson(Fixture.Docs("batchAddUsers.response.200.json"));

        var result = await host.Client.Users.AddAsync([new SitooUserWrite { Email = "a@example.com" }, new SitooUserWrite { Email = "b@example.com" }]);

        Assert.Equal("{432586AA-3475-1DFC-39BE-B4AF86275FB4}", result[0].Id);
        Assert.Null(result[0].NumericId);
    }

    [Fact]
    public async Task Partial_failure_is_reported_item_by_item()
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson("""
            [{"statuscode":200,"return":true},
             {"statuscode":400,"errortext":"Invalid sku"},
             {"statuscode":200,"return":true}]
            """);

        var result = await host.Client.Warehouses.SetItemsAsync(7,
        [
            new SitooWarehouseItemUpdate { Sku = "A", DecimalTotal = 1m },
            new SitooWarehouseItemUpdate { Sku = "B C", DecimalTotal = 2m },
            new SitooWarehouseItemUpdate { Sku = "D", DecimalTotal = 3m },
        ]);

        Assert.False(result.AllSucceeded);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(1, failure.Index);
        Assert.Equal(HttpStatusCode.BadRequest, failure.HttpStatus);
        Assert.Equal("Invalid sku", failure.ErrorText);
        Assert.Equal(3, result.Count);
    }

    [Fact]
    public async Task A_bare_value_answering_a_one_item_batch_is_that_item_succeeding()
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson("41");

        var result = await host.Client.Products.AddAsync([Product("Q1")]);

        var item = Assert.Single(result);
        Assert.True(item.Succeeded);
        Assert.Equal(41L, item.NumericId);
    }

    [Fact]
    public async Task Items_without_an_entry_in_the_answer_are_reported_not_dropped()
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson("""[{"statuscode":200,"return":5}]""");

        var result = await host.Client.Products.AddAsync([Product("A"), Product("B")]);

        Assert.Equal(2, result.Count);
        Assert.Equal(1, Assert.Single(result.Failures).Index);
        Assert.Equal(0, result[1].StatusCode);
    }

    [Theory]
    [InlineData("[{\"statuscode\":200,\"return\":1},{\"statuscode\":200,\"return\":2},{\"statuscode\":200,\"return\":3}]")]
    [InlineData("17")]
    [InlineData("[17, 18]")]
    public async Task Answers_that_cannot_be_matched_to_the_items_are_a_clear_error(string answer)
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson(answer);

        await Assert.ThrowsAsync<SitooApiException>(() => host.Client.Products.AddAsync([Product("A"), Product("B")]));
    }

    [Fact]
    public async Task Updates_need_ids_and_adds_need_keys_before_anything_is_sent()
    {
        using var host = SitooTestHost.Create();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.Products.UpdateAsync([new SitooProductWrite { Sku = "A" }]));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.Products.AddAsync([new SitooProductWrite { ProductId = 3 }]));
        await Assert.ThrowsAsync<ArgumentException>(() => host.Client.Users.UpdateAsync([new SitooUserWrite { Email = "a@example.com" }]));
        Assert.Empty(host.Server.Requests);
    }

    [Fact]
    public async Task An_empty_batch_sends_nothing()
    {
        using var host = SitooTestHost.Create();

        var result = await host.Client.Users.AddAsync([]);

        Assert.Empty(result);
        Assert.Empty(host.Server.Requests);
    }
}

/// <summary>Creating warehouse transactions in requests of at most 1000.</summary>
public sealed class WarehouseTransactionChunkingTests
{
    private static List<SitooNewWarehouseTransaction> Transactions(int count) =>
        Enumerable.Range(0, count).Select(i => new SitooNewWarehouseTransaction
        {
            WarehouseId = 2,
            TransactionType = SitooTransactionType.InboundAdjustment,
            ExternalId = $"tx-{i}",
            Items = [new SitooNewWarehouseTransactionItem { Sku = "Q100", DecimalQuantity = 1m }],
        }).ToList();

    /// <summary>Answers a transaction batch with one success per item, returning running ids.</summary>
    private static HttpResponseMessage AcceptAll(RecordedRequest request)
    {
        var sent = JsonDocument.Parse(request.Body!).RootElement.GetArrayLength();
        var entries = Enumerable.Range(0, sent).Select(i => $"{{\"statuscode\":200,\"return\":{i}}}");
        return FakeSitooServer.Json("[" + string.Join(',', entries) + "]");
    }

    [Fact]
    public async Task Transactions_are_sent_in_chunks_of_at_most_1000_and_results_keep_the_callers_indexes()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(AcceptAll);

        var result = await host.Client.WarehouseTransactions.CreateAsync(Transactions(2500));

        var sizes = host.Server.Requests.Select(r => JsonDocument.Parse(r.Body!).RootElement.GetArrayLength());
        Assert.Equal([1000, 1000, 500], sizes);
        Assert.Equal(2500, result.Count);
        Assert.Equal(Enumerable.Range(0, 2500), result.Select(r => r.Index));
        Assert.True(result.AllSucceeded);
    }

    [Fact]
    public async Task Exactly_1000_transactions_take_one_request()
    {
        using var host = SitooTestHost.Create();
        host.Server.Always(AcceptAll);

        await host.Client.WarehouseTransactions.CreateAsync(Transactions(1000));

        Assert.Single(host.Server.Requests);
    }

    [Fact]
    public async Task A_smaller_configured_chunk_size_is_honoured()
    {
        using var host = SitooTestHost.Create(options => options.WarehouseTransactionsPerRequest = 3);
        host.Server.Always(AcceptAll);

        await host.Client.WarehouseTransactions.CreateAsync(Transactions(7));

        Assert.Equal(3, host.Server.Requests.Count);
    }

    [Fact]
    public async Task A_failing_later_chunk_reports_what_was_applied_and_where_it_stopped()
    {
        using var host = SitooTestHost.Create();
        host.Server.Then(AcceptAll).ThenJson("""{"statuscode":500,"errortext":"Internal error"}""", HttpStatusCode.InternalServerError);

        var exception = await Assert.ThrowsAsync<SitooBatchInterruptedException>(() => host.Client.WarehouseTransactions.CreateAsync(Transactions(1500)));

        Assert.Equal(1000, exception.FirstUnconfirmedIndex);
        Assert.Equal(1000, exception.Completed.Count);
        Assert.True(exception.Completed.AllSucceeded);
        Assert.IsType<SitooApiException>(exception.InnerException);
        Assert.Equal(2, host.Server.Requests.Count);
    }

    [Fact]
    public async Task Creating_is_never_retried_even_on_a_transient_error()
    {
        using var host = SitooTestHost.Create();
        host.Server.ThenJson("""{"statuscode":503,"errortext":"busy"}""", HttpStatusCode.ServiceUnavailable).Always(AcceptAll);

        var exception = await Assert.ThrowsAsync<SitooApiException>(() => host.Client.WarehouseTransactions.CreateAsync(Transactions(2)));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, exception.StatusCode);
        Assert.Single(host.Server.Requests);
    }
}
