package io.duban.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The feed's contract, pinned by one sample per change type ({@code <TYPE>.json} beside this test,
 * exactly as an item's {@code data} carries it). A field added to a record but not to the sample, or
 * to the sample but not to the record, fails here: the sample is read strictly (no unknown and no
 * missing field) and must come back unchanged.
 */
class SnapshotContractTest {

    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES);

    static JsonNode sample(ChangeType type) throws IOException {
        try (InputStream in = SnapshotContractTest.class.getResourceAsStream(type.name() + ".json")) {
            assertNotNull(in, "a contract sample for " + type);
            return STRICT.readTree(in);
        }
    }

    @ParameterizedTest
    @EnumSource(ChangeType.class)
    void everySnapshotRoundTripsExactlyAsTheFeedCarriesIt(ChangeType type) throws IOException {
        JsonNode sample = sample(type);
        Snapshot strict = STRICT.treeToValue(sample, type.snapshotType());
        assertEquals(type, strict.changeType());
        Snapshot lenient = FeedJson.read(new ChangeItem("1:1", "370323", type.name(), strict.id().toString(), sample))
                .orElseThrow();
        assertEquals(strict, lenient);
        assertEquals(sample, FeedJson.tree(FeedJson.write(lenient)), "written back as the sample");
    }

    @ParameterizedTest
    @EnumSource(ChangeType.class)
    void theSampleNamesExactlyTheRecordsFields(ChangeType type) throws IOException {
        Set<String> sampleFields = new TreeSet<>();
        sample(type).fieldNames().forEachRemaining(sampleFields::add);
        Set<String> recordFields = Arrays.stream(type.snapshotType().getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(recordFields, sampleFields);
    }

    @Test
    void everySnapshotRecordHasItsChangeType() {
        Set<Class<?>> permitted = Set.of(Snapshot.class.getPermittedSubclasses());
        Set<Class<?>> typed = Arrays.stream(ChangeType.values()).map(ChangeType::snapshotType).collect(Collectors.toSet());
        assertEquals(permitted, typed);
    }

    @Test
    void anUnknownTypeIsNotReadAndNotAFailure() throws IOException {
        assertTrue(FeedJson.read(new ChangeItem("1:1", "370323", "SOME_FUTURE_TYPE", "x", sample(ChangeType.PLAN))).isEmpty());
    }

    @Test
    void aFieldANewerWriterAddsIsIgnored() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode data = sample(ChangeType.PLAN).deepCopy();
        data.put("subtitle", "新字段");
        assertInstanceOf(PlanSnapshot.class, FeedJson.read(ChangeType.PLAN, data));
    }

    @Test
    void aKnownTypeThatDoesNotFitIsAnError() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode data = sample(ChangeType.ASSIGNMENT).deepCopy();
        data.put("taskId", "not-a-uuid");
        assertThrows(FeedJson.UnreadableSnapshot.class, () -> FeedJson.read(ChangeType.ASSIGNMENT, data));
        assertThrows(FeedJson.UnreadableSnapshot.class, () -> FeedJson.read(ChangeType.TASK, null));
    }

    @Test
    void anInstantWithAnOffsetReadsAsThatInstant() {
        com.fasterxml.jackson.databind.node.ObjectNode data = STRICT.createObjectNode();
        data.put("id", "0b3c5d6e-0000-4000-8000-000000000005").put("region", "370323")
                .put("recordedAt", "2023-09-25T10:30:00+08:00");
        EventSnapshot e = (EventSnapshot) FeedJson.read(ChangeType.EVENT, data);
        assertEquals(java.time.Instant.parse("2023-09-25T02:30:00Z"), e.recordedAt());
    }
}
