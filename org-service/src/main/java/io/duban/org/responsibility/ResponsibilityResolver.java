package io.duban.org.responsibility;

import io.duban.org.directory.KnownGroup;
import io.duban.org.directory.KnownUnit;
import io.duban.org.directory.NormalizedText;
import java.util.List;

/**
 * Reads a 责任单位 cell ("县司法局牵头，县政府重大行政决策承办单位…具体落实") into unit assignments and
 * unresolved entries, against one region's units and groups. Build it once per region and batch;
 * {@link #resolve} is pure and thread-safe.
 *
 * <p>Three parts: the region's {@link NameIndex} (names, aliases, former names, groups), a {@link SegmentReader}
 * per text (segments, role words, the longest known name) and the {@link Suggestions} offered for a name that
 * matches none.
 */
public final class ResponsibilityResolver {

    private final NameIndex index;

    public ResponsibilityResolver(List<KnownUnit> units, List<KnownGroup> groups) {
        this.index = new NameIndex(units, groups);
    }

    /** Resolves one 责任单位 text. Blank text names nobody and yields an empty resolution. */
    public Resolution resolve(String text) {
        return resolve(text, null);
    }

    /**
     * Resolves one 责任单位 text of a plan of {@code year}: a name a unit had in that year (a former name
     * used until a day in or after it) matches the unit too, and the assignment says which. Null year:
     * current names and aliases only.
     */
    public Resolution resolve(String text, Integer year) {
        if (text == null || text.isBlank()) {
            return new Resolution(List.of(), List.of());
        }
        return new SegmentReader(index, NormalizedText.of(text), year).read();
    }
}
