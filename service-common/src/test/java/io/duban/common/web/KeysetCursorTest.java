package io.duban.common.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duban.common.problem.ProblemException;
import io.duban.common.problem.ProblemType;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeysetCursorTest {

    private static final Class<?>[] KEY = {LocalDate.class, Integer.class, String.class, UUID.class};

    @Test
    void aCursorGivesBackTheKeyItWasMadeOf() {
        Object[] key = {LocalDate.of(2023, 12, 31), 42, "县教育和体育局.（牵头）~", UUID.randomUUID()};
        String cursor = KeysetCursor.encode("obligations|370323", key);
        assertArrayEquals(key, KeysetCursor.decode(cursor, "obligations|370323", KEY));
    }

    @Test
    void nullValuesSurvive() {
        Object[] key = {LocalDate.of(2023, 1, 1), null, null, UUID.randomUUID()};
        assertArrayEquals(key, KeysetCursor.decode(KeysetCursor.encode("s", key), "s", KEY));
    }

    @Test
    void noCursorIsTheFirstPage() {
        assertNull(KeysetCursor.decode(null, "s", KEY));
        assertNull(KeysetCursor.decode(" ", "s", KEY));
    }

    @Test
    void aCursorOfAnotherListIsRefused() {
        String cursor = KeysetCursor.encode("assignments|370323|unit=a", LocalDate.of(2023, 1, 1), 1, "x", UUID.randomUUID());
        ProblemException e = assertThrows(ProblemException.class,
                () -> KeysetCursor.decode(cursor, "assignments|370324|unit=a", KEY));
        assertEquals(ProblemType.VALIDATION, e.type());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "k1", "k1.x.y", "k2.AAAA.AA.AA.AA.AA", "k1.%%%.a.b.c.d", "%E4%B8%AD"})
    void malformedCursorsAreA400(String cursor) {
        ProblemException e = assertThrows(ProblemException.class, () -> KeysetCursor.decode(cursor, "s", KEY));
        assertEquals(ProblemType.VALIDATION, e.type());
    }

    @Test
    void aValueOfTheWrongTypeIsA400() {
        String cursor = KeysetCursor.encode("s", "not a date", 1, "x", UUID.randomUUID());
        assertThrows(ProblemException.class, () -> KeysetCursor.decode(cursor, "s", KEY));
        String badId = KeysetCursor.encode("s", LocalDate.of(2023, 1, 1), 1, "x", "1-1-1-1-1");
        assertThrows(ProblemException.class, () -> KeysetCursor.decode(badId, "s", KEY));
    }

    @Test
    void anOverlongCursorIsA400() {
        assertThrows(ProblemException.class, () -> KeysetCursor.decode("k1." + "A".repeat(3000), "s", KEY));
    }
}
