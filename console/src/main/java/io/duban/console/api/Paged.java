package io.duban.console.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A page of a list, as every service answers one: {@code {items, total, page, size}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Paged<T>(List<T> items, long total, int page, int size) {

    public boolean hasMore() {
        return (long) page * size < total;
    }
}
