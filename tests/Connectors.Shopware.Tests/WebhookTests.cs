using System.Security.Cryptography;
using System.Text;
using Connectors.Shopware.Tests.Infrastructure;
using Connectors.Shopware.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace Connectors.Shopware.Tests;

public sealed class WebhookTests
{
    private const string Secret = "app-secret-1";
    private const string OldSecret = "app-secret-0";

    private static string Sign(byte[] body, string secret) => Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    private static ShopwareWebhookSignatureVerifier Verifier(string? previous = null, TimeSpan? tolerance = null, TimeProvider? time = null)
        => new(new ShopwareWebhookVerifierOptions { Secret = Secret, PreviousSecret = previous, TimestampTolerance = tolerance }, time);

    [Fact]
    public void The_signature_is_the_hex_hmac_sha256_of_the_raw_body()
    {
        // RFC 4231, test case 2.
        var verifier = new ShopwareWebhookSignatureVerifier(new ShopwareWebhookVerifierOptions { Secret = "Jefe" });
        var body = Encoding.ASCII.GetBytes("what do ya want for nothing?");

        Assert.Equal(ShopwareWebhookVerificationResult.Valid, verifier.Verify(body, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        Assert.Equal(ShopwareWebhookVerificationResult.Valid, verifier.Verify(body, "5BDCC146BF60754E6A042426089575C75A003F089D2739839DEC58B964EC3843"));
    }

    [Fact]
    public void A_tampered_body_fails()
    {
        var body = Fixtures.ReadBytes("synthetic/webhook-product-written.synthetic.json");
        var signature = Sign(body, Secret);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"update\"", "\"delete\"", StringComparison.Ordinal));

        Assert.Equal(ShopwareWebhookVerificationResult.Valid, Verifier().Verify(body, signature));
        Assert.Equal(ShopwareWebhookVerificationResult.InvalidSignature, Verifier().Verify(tampered, signature));
    }

    [Fact]
    public void During_rotation_either_header_and_either_secret_may_match()
    {
        var body = Fixtures.ReadBytes("synthetic/webhook-product-written.synthetic.json");

        // The shop signs with its new secret and sends the old-secret signature in the previous header.
        Assert.Equal(ShopwareWebhookVerificationResult.Valid, Verifier().Verify(body, Sign(body, "rotated-by-shop"), Sign(body, Secret)));
        // We rotated first and still accept the old secret.
        Assert.Equal(ShopwareWebhookVerificationResult.Valid, Verifier(previous: OldSecret).Verify(body, Sign(body, OldSecret)));
        Assert.Equal(ShopwareWebhookVerificationResult.InvalidSignature, Verifier().Verify(body, Sign(body, OldSecret)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec38")]
    [InlineData("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec384300")]
    [InlineData("zzdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")]
    public void A_signature_of_the_wrong_length_or_alphabet_fails_without_throwing(string signature)
    {
        Assert.Equal(ShopwareWebhookVerificationResult.InvalidSignature, Verifier().Verify("{}"u8, signature));
    }

    [Fact]
    public void A_missing_signature_is_reported_as_such()
    {
        Assert.Equal(ShopwareWebhookVerificationResult.MissingSignature, Verifier().Verify("{}"u8, null, ""));
    }

    [Fact]
    public void A_stale_timestamp_is_rejected_when_a_tolerance_is_set()
    {
        var body = Fixtures.ReadBytes("synthetic/webhook-product-written.synthetic.json");
        var sent = ShopwareWebhookEvent.Parse(body).Timestamp!.Value;
        var time = new FakeTimeProvider(sent.ToDateTimeOffset().AddMinutes(4));
        var verifier = Verifier(tolerance: TimeSpan.FromMinutes(5), time: time);

        Assert.Equal(ShopwareWebhookVerificationResult.Valid, verifier.Verify(body, Sign(body, Secret)));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(ShopwareWebhookVerificationResult.StaleTimestamp, verifier.Verify(body, Sign(body, Secret)));
        Assert.Equal(ShopwareWebhookVerificationResult.Valid, Verifier(time: time).Verify(body, Sign(body, Secret)));
    }

    [Fact]
    public void An_entity_written_event_parses_to_its_rows()
    {
        var webhook = ShopwareWebhookEvent.Parse(Fixtures.ReadBytes("synthetic/webhook-product-written.synthetic.json"));

        Assert.Equal("product.written", webhook.EventName);
        Assert.True(webhook.IsEntityEvent);
        Assert.Equal("7b04ebe416db4ebc93de4d791325e1d9", webhook.Source.EventId);
        var write = webhook.GetEntityWrites().Single();
        Assert.Equal("product", write.Entity);
        Assert.Equal("4aa38f2ec4554d01a3e109f52923dbeb", write.Id);
        Assert.Contains("stock", write.UpdatedFields!);
        Assert.Null(webhook.GetOrder());
    }

    [Fact]
    public void A_business_event_carries_the_order()
    {
        var webhook = ShopwareWebhookEvent.Parse(Fixtures.ReadBytes("synthetic/webhook-state-enter-transaction-refunded.synthetic.json"));

        Assert.Equal("state_enter.order_transaction.state.refunded", webhook.EventName);
        Assert.False(webhook.IsEntityEvent);
        Assert.Empty(webhook.GetEntityWrites());
        var order = webhook.GetOrder()!;
        Assert.Equal("10077", order.OrderNumber);
        Assert.Equal(395.01m, order.AmountTotal);
        Assert.Equal(395.01m, order.Transactions!.Single().Amount!.TotalPrice);
    }

    [Fact]
    public void An_absurd_timestamp_is_stale_not_a_crash()
    {
        var body = Encoding.UTF8.GetBytes("""{"data":{"payload":[],"event":"product.written"},"source":{},"timestamp":9223372036854775807}""");
        var verifier = Verifier(tolerance: TimeSpan.FromMinutes(5));

        Assert.Equal(ShopwareWebhookVerificationResult.StaleTimestamp, verifier.Verify(body, Sign(body, Secret)));
        Assert.Throws<FormatException>(() => ShopwareWebhookEvent.Parse(body));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"data":{"payload":[]}}""")]
    [InlineData("[]")]
    public void A_body_that_is_not_a_webhook_is_a_format_exception(string body)
    {
        Assert.Throws<FormatException>(() => ShopwareWebhookEvent.Parse(Encoding.UTF8.GetBytes(body)));
    }
}
