package io.duban.console.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.duban.console.session.ConsoleConfig;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegionNamesTest {

    @Test
    void readsTheTableSkippingCommentsAndMalformedLines() throws Exception {
        Map<String, String> m = new HashMap<>();
        RegionNames.read(new StringReader("# comment\n370323\t沂源县\n\n37032\t短码\n370322\t\nabc\n370124\t平阴县 \n"), m);
        assertEquals(Map.of("370323", "沂源县", "370124", "平阴县"), m);
    }

    @Test
    void aCodeWithoutNameIsShownAsTheCode() {
        RegionNames names = new RegionNames(Map.of("370323", "沂源县"));
        assertEquals("沂源县", names.label("370323"));
        assertEquals("990101", names.label("990101"));
        assertNull(names.name("990101"));
    }

    @Test
    void theBundledTableNamesTheDemoCountyAndADeploymentFileOverridesIt() throws Exception {
        Path file = Files.createTempFile("regions", ".tsv");
        Files.writeString(file, "370323\t沂源县（测试）\n990101\t测试县\n");
        RegionNames bundled = new RegionNames(config(Optional.empty()));
        assertEquals("沂源县", bundled.label("370323"));
        assertEquals("淄博市", bundled.label("370300"));
        RegionNames both = new RegionNames(config(Optional.of(file.toString())));
        assertEquals("沂源县（测试）", both.label("370323"));
        assertEquals("测试县", both.label("990101"));
        assertEquals("平阴县", both.label("370124"));
        // a missing file leaves the bundled names
        assertEquals("沂源县", new RegionNames(config(Optional.of("/nonexistent/regions.tsv"))).label("370323"));
    }

    private static ConsoleConfig config(Optional<String> file) {
        return new ConsoleConfig() {
            public Optional<String> sessionKey() {
                return Optional.empty();
            }

            public Duration idleTimeout() {
                return Duration.ofMinutes(30);
            }

            public boolean secureCookie() {
                return false;
            }

            public Duration callTimeout() {
                return Duration.ofSeconds(20);
            }

            public String calendarBaseUrl() {
                return "http://127.0.0.1:8083";
            }

            public Optional<String> regionNames() {
                return file;
            }
        };
    }
}
