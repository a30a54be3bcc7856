package io.duban.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Optional;

/**
 * The one JSON form of the snapshots: ISO dates and instants, field names as the records name them.
 * Unknown fields are ignored when reading, so a field a newer writer adds reaches an older reader as
 * nothing rather than as a failure; a snapshot of a known type that cannot be read is an error.
 */
public final class FeedJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FeedJson() {
    }

    /** The JSON text stored in task-service's change_log and served as an item's {@code data}. */
    public static String write(Snapshot snapshot) {
        try {
            return MAPPER.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write snapshot " + snapshot.changeType(), e);
        }
    }

    /** The stored JSON text as a tree, for serving it inside a page. */
    public static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored snapshot is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * The snapshot an item carries; empty when its type is one this reader does not know (to be
     * skipped and counted by the caller).
     *
     * @throws UnreadableSnapshot when the type is known but its data does not fit the record
     */
    public static Optional<Snapshot> read(ChangeItem item) {
        Optional<ChangeType> type = ChangeType.of(item.type());
        if (type.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(read(type.get(), item.data()));
    }

    /** {@code data} as the snapshot record of {@code type}. */
    public static Snapshot read(ChangeType type, JsonNode data) {
        if (data == null || !data.isObject()) {
            throw new UnreadableSnapshot(type + " item without a snapshot object");
        }
        try {
            return MAPPER.treeToValue(data, type.snapshotType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new UnreadableSnapshot(type + " snapshot does not fit the contract: " + e.getMessage());
        }
    }

    /** A snapshot of a known type that does not fit its record: the feed and this reader disagree. */
    public static final class UnreadableSnapshot extends RuntimeException {
        public UnreadableSnapshot(String message) {
            super(message);
        }
    }
}
