package io.duban.console.province;

import io.duban.console.session.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Names of administrative divisions by their GB/T 2260 code, for the province view: national reference data, not
 * something a county keeps, so no service holds it; the console bundles a table (regions.tsv) and reads a
 * deployment's own ({@code DUBAN_CONSOLE_REGION_NAMES}) over it. A code with no name is shown as the code.
 */
@ApplicationScoped
public class RegionNames {

    private static final Logger LOG = Logger.getLogger(RegionNames.class);

    private Map<String, String> names;

    @Inject
    public RegionNames(ConsoleConfig config) {
        Map<String, String> m = new HashMap<>();
        try (InputStream in = RegionNames.class.getResourceAsStream("/regions.tsv")) {
            if (in != null) {
                read(new InputStreamReader(in, StandardCharsets.UTF_8), m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.regionNames().filter(p -> !p.isBlank()).ifPresent(p -> {
            try (Reader r = Files.newBufferedReader(Path.of(p), StandardCharsets.UTF_8)) {
                read(r, m);
            } catch (IOException e) {
                // the view still works with codes; say why the names are missing
                LOG.warnf("region names file %s not read: %s", p, e.getMessage());
            }
        });
        this.names = Map.copyOf(m);
    }

    RegionNames(Map<String, String> names) {
        this.names = Map.copyOf(names);
    }

    /** The division's name, or null when the table has none. */
    public String name(String code) {
        return code == null ? null : names.get(code);
    }

    /** The name, else the code itself. */
    public String label(String code) {
        String n = name(code);
        return n == null ? code : n;
    }

    static void read(Reader reader, Map<String, String> into) throws IOException {
        BufferedReader r = new BufferedReader(reader);
        String line;
        while ((line = r.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length >= 2 && cols[0].strip().matches("\\d{6}") && !cols[1].isBlank()) {
                into.put(cols[0].strip(), cols[1].strip());
            }
        }
    }
}
