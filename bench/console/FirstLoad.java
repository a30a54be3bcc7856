import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * First and second load of the console's dashboard in Debian's Chromium: time from navigation start to both
 * charts drawn (ECharts' "finished"), and the bytes transferred (Resource Timing transferSize: 0 for what came
 * from the browser cache). Usage: java -cp PLAYWRIGHT_JARS FirstLoad.java CONSOLE_URL USER PASSWORD ASOF [RUNS]
 */
public class FirstLoad {

    public static void main(String[] a) {
        String console = a[0], user = a[1], password = a[2], asOf = a[3];
        int runs = a.length > 4 ? Integer.parseInt(a[4]) : 5;
        try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
            Browser b = pw.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(Paths.get("/usr/bin/chromium"))
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run")));
            for (int run = 1; run <= runs; run++) {
                // sign in in one profile, then carry only the session cookie into a fresh one: an empty cache
                BrowserContext signIn = b.newContext();
                Page login = signIn.newPage();
                login.navigate(console + "/login");
                login.fill("#username", user);
                login.fill("#password", password);
                login.click("button.primary");
                var cookies = signIn.cookies();
                signIn.close();
                BrowserContext c = b.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768));
                c.addCookies(cookies);
                Page p = c.newPage();
                System.out.println("run " + run + " first:  " + load(p, console + "/dashboard?asOf=" + asOf));
                System.out.println("run " + run + " second: " + load(p, console + "/dashboard?asOf=" + asOf));
                c.close();
            }
            b.close();
        }
    }

    static String load(Page p, String url) {
        p.navigate(url);
        p.waitForSelector("#trend-chart[data-drawn=true]");
        p.waitForSelector("#units-chart[data-drawn=true], #units-title + p");
        Object r = p.evaluate("() => { const n = performance.getEntriesByType('navigation')[0];"
                + " const res = performance.getEntriesByType('resource');"
                + " const sum = (xs, k) => xs.reduce((s, e) => s + e[k], 0);"
                + " return { drawnMs: Math.round(performance.now()), htmlReceivedMs: Math.round(n.responseEnd), htmlBytes: n.transferSize,"
                + " assetBytes: sum(res, 'transferSize'), assetsFromCache: res.filter(e => e.transferSize === 0).length,"
                + " assets: res.length }; }");
        return r.toString();
    }
}
