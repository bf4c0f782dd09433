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
