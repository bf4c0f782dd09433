using OpenQA.Selenium.Chrome;

namespace Connectors.Hosting.Tests;

/// <summary>
/// Debian's Chromium and its matching driver, headless. Missing binaries fail the test (they are not a reason to skip
/// it): .ci/chromium-up.sh installs them.
/// </summary>
internal static class HeadlessChromium
{
    private const string Browser = "/usr/bin/chromium";
    private const string Driver = "/usr/bin/chromedriver";

    public static ChromeDriver Start()
    {
        var missing = new[] { Browser, Driver }.Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            Assert.Fail($"The browser test needs {string.Join(" and ", missing)}. Install Chromium and its driver with `sudo bash .ci/chromium-up.sh` (Debian packages chromium and chromium-driver).");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        // --no-sandbox: CI runs as root, where Chromium's sandbox cannot start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1600,1000");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
