using System.Globalization;
using NodaTime;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace Connectors.SampleWorker.Tests;

/// <summary>The dashboard of a running sample, in Debian's headless Chromium, as an operator uses it.</summary>
public sealed class SampleDashboardBrowserTests
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    [Fact]
    public async Task The_seeded_problems_show_with_reasons_and_owners_and_one_can_be_retried()
    {
        var folder = Directory.CreateTempSubdirectory("connectors-sample-browser-").FullName;
        await using var sample = SampleProcess.Start("--run-for", "120", "--data", Path.Combine(folder, "data"), "--port", "0");
        var dashboard = await sample.DashboardAsync(TimeSpan.FromMinutes(1));
        using var driver = StartChromium();
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(60)) { PollingInterval = TimeSpan.FromSeconds(1) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));

        // The demo sells a store-only SKU after 2 s and books stock on an unconnected warehouse after 4 s.
        var headings = wait.Until(d =>
        {
            d.Navigate().GoToUrl(new Uri(dashboard, "exceptions").ToString());
            var texts = d.FindElements(By.CssSelector("section.group h3")).Select(h => h.Text).ToList();
            return texts.Any(t => t.Contains("MissingProductMapping", StringComparison.Ordinal))
                && texts.Any(t => t.Contains("UnknownStoreLocation", StringComparison.Ordinal)) ? texts : null;
        });
        Assert.Contains(headings, h => h.Contains("MissingProductMapping", StringComparison.Ordinal) && h.Contains("ecommerce", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.Contains("UnknownStoreLocation", StringComparison.Ordinal) && h.Contains("retail", StringComparison.Ordinal));
        SaveScreenshot(driver, "sample-dashboard-exceptions.png");

        var row = driver.FindElements(By.CssSelector("tr[id^='exception-']")).First(r => r.Text.Contains("POS-ONLY-001", StringComparison.Ordinal));
        var rowId = row.GetAttribute("id") ?? throw new InvalidOperationException("An exception row without id.");
        var attemptsBefore = int.Parse(row.FindElement(By.CssSelector("td.num")).Text, System.Globalization.CultureInfo.InvariantCulture);
        row.FindElement(By.CssSelector("button.retry")).Click();

        // Retrying makes the parked stock write due again: the engine tries it, it fails for the same reason,
        // and the record is open again with one more attempt.
        var attemptsAfter = wait.Until(d =>
        {
            d.Navigate().GoToUrl(new Uri(dashboard, "exceptions").ToString());
            var attempts = int.Parse(d.FindElement(By.Id(rowId)).FindElement(By.CssSelector("td.num")).Text, System.Globalization.CultureInfo.InvariantCulture);
            return attempts > attemptsBefore ? attempts.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        });
        Assert.NotNull(attemptsAfter);
        SaveScreenshot(driver, "sample-dashboard-after-retry.png");
    }

    [Fact]
    public async Task The_journal_lists_todays_pos_sales_and_downloads_them_as_csv_and_the_overview_shows_the_lag()
    {
        var folder = Directory.CreateTempSubdirectory("connectors-sample-journal-").FullName;
        await using var sample = SampleProcess.Start("--run-for", "90", "--data", Path.Combine(folder, "data"), "--port", "0");
        var dashboard = await sample.DashboardAsync(TimeSpan.FromMinutes(1));
        using var driver = StartChromium();
        var wait = new WebDriverWait(driver, TimeSpan.FromSeconds(60)) { PollingInterval = TimeSpan.FromSeconds(1) };
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));

        // The demo sells in a store every 100 ms; its stores book their days in Stockholm time.
        var today = "";
        var posRows = wait.Until(d =>
        {
            today = NodaTime.SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Europe/Stockholm"]).Date
                .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            d.Navigate().GoToUrl(new Uri(dashboard, $"journal?from={today}&to={today}").ToString());
            var rows = d.FindElements(By.CssSelector("table.journal-rows tr[data-channel='pos']"));
            return rows.Count > 0 ? rows : null;
        });
        Assert.All(posRows, row => Assert.Equal(today, row.GetAttribute("data-date")));
        Assert.NotEmpty(driver.FindElements(By.CssSelector("table.journal-days tr td")));
        SaveScreenshot(driver, "sample-dashboard-journal.png");

        var href = driver.FindElement(By.CssSelector("a.csv")).GetAttribute("href") ?? throw new InvalidOperationException("The CSV link has no href.");
        using var http = new HttpClient();
        using var csv = await http.GetAsync(new Uri(href));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(System.Net.HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var header = lines[0].Split(',');
        Assert.Equal(["store_kind", "store_id", "date", "channel", "currency", "vat_rate"], header.Take(6));
        Assert.Contains(lines.Skip(1).Select(l => l.Split(',')), fields => fields[2] == today && fields[3] == "pos");

        driver.Navigate().GoToUrl(dashboard.ToString());
        var lagBars = driver.FindElements(By.CssSelector("svg.lag-chart rect"));
        Assert.Equal(3, lagBars.Count);
        SaveScreenshot(driver, "sample-dashboard-overview-lag.png");
        driver.Navigate().GoToUrl(new Uri(dashboard, "drift").ToString());
        Assert.Equal("Drift", driver.FindElement(By.CssSelector("main h2")).Text);
        SaveScreenshot(driver, "sample-dashboard-drift.png");
        driver.Navigate().GoToUrl(new Uri(dashboard, "stalled").ToString());
        Assert.Equal("Stalled", driver.FindElement(By.CssSelector("main h2")).Text);
        SaveScreenshot(driver, "sample-dashboard-stalled.png");
        driver.Navigate().GoToUrl(new Uri(dashboard, "alerts").ToString());
        Assert.Equal("Alerts", driver.FindElement(By.CssSelector("main h2")).Text);
        SaveScreenshot(driver, "sample-dashboard-alerts.png");
    }

    private static ChromeDriver StartChromium()
    {
        var missing = new[] { Browser, Driver }.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail($"The browser test needs {string.Join(" and ", missing)}: run `sudo bash .ci/chromium-up.sh`.");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1600,1200");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static void SaveScreenshot(ChromeDriver driver, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
        Directory.CreateDirectory(folder);
        driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }
}
