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

        Assert.True(SaveScreenshot(driver, "dashboard-exceptions.png").Length > 0);
    }

    [Fact]
    public async Task The_overview_and_the_run_chart_render_in_the_browser()
    {
        var store = _host.Store;
        await Seeds.RecordAllAsync(store);
        await store.WorkItems.EnqueueAsync(new NewWorkItem("k-1", "stock.apply", WorkLane.Stock, "{}"), CancellationToken.None);
        for (var i = 1; i <= 6; i++)
        {
            var run = await store.Runs.StartAsync(i % 2 == 0 ? "stock.poll" : "orders.export", CancellationToken.None);
            _host.Clock.Advance(NodaTime.Duration.FromSeconds(5 * i));
            await store.Runs.FinishAsync(
                run.Id, i == 5 ? RunOutcome.Failed : RunOutcome.Succeeded, new Dictionary<string, long> { ["read"] = i }, i == 5 ? "Sitoo answered 503" : null, CancellationToken.None);
        }
        using var driver = HeadlessChromium.Start();

        driver.Navigate().GoToUrl(_host.Url("connector/").ToString());
        var panels = driver.FindElements(By.CssSelector("section.panel h3")).Select(h => h.Text).ToList();
        SaveScreenshot(driver, "dashboard-overview.png");
        driver.FindElement(By.LinkText("Runs")).Click();
        var bars = driver.FindElements(By.CssSelector("svg.run-chart rect"));
        SaveScreenshot(driver, "dashboard-runs.png");

        Assert.Equal(["Queue depth", "Inbox backlog", "Open exceptions", "Latest runs", "Cursors", "Sync lag"], panels);
        Assert.Equal(6, bars.Count);
        Assert.All(bars, bar => Assert.True(bar.Size.Height > 0));
    }

    private static FileInfo SaveScreenshot(IWebDriver driver, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "artifacts", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        ((ITakesScreenshot)driver).GetScreenshot().SaveAsFile(path);
        return new FileInfo(path);
    }
}
