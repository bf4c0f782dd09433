namespace Connectors.Sync.PostgreSql.Tests;

public sealed class OptionsTests
{
    [Theory]
    [InlineData("connectors")]
    [InlineData("tenant_7")]
    [InlineData("_staging")]
    public void Plain_lower_case_schema_names_are_accepted(string schema) =>
        new PostgreSqlStoreOptions { ConnectionString = TestServer.DefaultConnectionString, Schema = schema }.Validate();

    [Theory]
    [InlineData("")]
    [InlineData("Connectors")]
    [InlineData("7tenant")]
    [InlineData("tenant-7")]
    [InlineData("public; DROP SCHEMA public")]
    [InlineData("a_schema_name_that_is_longer_than_the_sixty_three_bytes_postgres_keeps")]
    public void Schema_names_that_would_need_quoting_are_rejected(string schema)
    {
        var options = new PostgreSqlStoreOptions { ConnectionString = TestServer.DefaultConnectionString, Schema = schema };

        var failure = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Equal(nameof(PostgreSqlStoreOptions.Schema), failure.ParamName);
    }

    [Fact]
    public void A_connection_string_is_required()
    {
        var failure = Assert.Throws<ArgumentException>(new PostgreSqlStoreOptions { ConnectionString = " " }.Validate);
        Assert.Equal(nameof(PostgreSqlStoreOptions.ConnectionString), failure.ParamName);
    }
}
