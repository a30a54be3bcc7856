package io.duban.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium ({@code /usr/bin/chromium}, headless) driven by Playwright without any browser
 * download. Collects every console error and uncaught page error of every page it opens, and saves
 * screenshots under {@code e2e/target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("DUBAN_CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;
    private final Path screenshots;
    /** Console errors and page errors, "url: message". */
    final List<String> errors = new ArrayList<>();

    Browser(Path root) throws java.io.IOException {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        screenshots = root.resolve("e2e/target/screenshots");
        Files.createDirectories(screenshots);
    }

    /** A new person at a screen of this size (their own cookies). */
    Page open(int width, int height, boolean phone) {
        NewContextOptions o = new NewContextOptions().setViewportSize(width, height).setLocale("zh-CN")
                .setTimezoneId("Asia/Shanghai").setAcceptDownloads(true);
        if (phone) {
            o.setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2);
        }
        BrowserContext context = chromium.newContext(o);
        context.setDefaultTimeout(30_000);
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                errors.add(page.url() + ": " + m.text());
            }
        });
        page.onPageError(e -> errors.add(page.url() + ": " + e));
        return page;
    }

    void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(false));
    }

    void fullScreenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
