package io.duban.report.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.duban.feed.ChangeType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reader's side of the feed contract: every field of every snapshot is either a column of its
 * projection table or deliberately not projected. A field added to a snapshot record and not taken
 * up here fails this test instead of being dropped silently.
 */
class ProjectionContractTest {

    @ParameterizedTest
    @EnumSource(ChangeType.class)
    void everySnapshotFieldIsProjectedOrDeliberatelyLeftOut(ChangeType type) {
        Set<String> fields = Arrays.stream(type.snapshotType().getRecordComponents()).map(RecordComponent::getName)
                .map(ProjectionContractTest::snake).collect(Collectors.toCollection(TreeSet::new));
        Set<String> taken = new TreeSet<>(ProjectionApplier.UPSERTS.get(type).columnNames());
        ProjectionApplier.NOT_PROJECTED.getOrDefault(type, Set.of()).stream().map(ProjectionContractTest::snake).forEach(taken::add);
        taken.retainAll(fields);
        assertEquals(fields, taken, type + ": snapshot fields not projected");
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
