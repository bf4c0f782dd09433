using Connectors.Sync.State;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;

namespace Connectors.Hosting.Tests;

/// <summary>The dashboard as an operator uses it: in a real headless Chromium against the real host and store.</summary>
public sealed class DashboardBrowserTests : IAsyncLifetime
{
    private HostedConnector _host = null!;

    public async Task InitializeAsync() => _host = await HostedConnector.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_operator_sees_the_exceptions_with_reasons_and_owners_and_retries_one()
    {
        var records = await Seeds.RecordAllAsync(_host.Store);
        var target = records.Single(r => r.ReasonCode == "UnknownStoreLocation");
        using var driver = HeadlessChromium.Start();

        driver.Navigate().GoToUrl(_host.Url("connector/exceptions").ToString());

        var headings = driver.FindElements(By.CssSelector("section.group h3")).Select(h => h.Text).ToList();
        Assert.Contains(headings, h => h.Contains("MissingProductMapping", StringComparison.Ordinal) && h.Contains("ecommerce", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.Contains("UnknownStoreLocation", StringComparison.Ordinal) && h.Contains("retail", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.Contains("ApiRejected", StringComparison.Ordinal) && h.Contains("finance", StringComparison.Ordinal));
        Assert.Equal(records.Count, driver.FindElements(By.CssSelector("tr[id^='exception-']")).Count);
        var row = driver.FindElement(By.Id($"exception-{target.Id}"));
        Assert.Equal("open", row.FindElement(By.CssSelector(".status")).Text);

        row.FindElement(By.CssSelector("button.retry")).Click();

        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(30));
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        var status = wait.Until(d =>
            d.FindElement(By.Id($"exception-{target.Id}")).FindElement(By.CssSelector(".status")).Text is "retrying" and var text ? text : null);
        Assert.Equal("retrying", status);
        Assert.Equal(ExceptionStatus.Retrying, (await _host.Store.Exceptions.GetAsync(target.Id, CancellationToken.None))!.Status);

        var screenshot = Path.Combine(AppContext.BaseDirectory, "artifacts", "dashboard-exceptions.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(screenshot);
        Assert.True(new FileInfo(screenshot).Length > 0);
    }
}
