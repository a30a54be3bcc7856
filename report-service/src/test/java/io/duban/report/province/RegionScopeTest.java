package io.duban.report.province;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duban.common.problem.ProblemException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionScopeTest {

    @ParameterizedTest
    @CsvSource({"370000, 37", "370300, 3703", "370323, 370323", "370100, 3701", "110000, 11", "'*', ''", "100000, 10"})
    void aCodeCoversTheCodesStartingWithItsNonZeroPart(String region, String prefix) {
        assertEquals(prefix, RegionScope.prefixOf(region));
    }

    @ParameterizedTest
    @CsvSource({"370000, '', 37", "370000, 3703, 3703", "370000, 370323, 370323", "'*', 44, 44", "'*', '', ''",
            "370300, 370323, 370323"})
    void askedPrefixInsideTheCallersScopeIsUsed(String region, String asked, String expected) {
        assertEquals(expected, RegionScope.resolve(region, Optional.of(asked)));
    }

    @ParameterizedTest
    @CsvSource({"370000, 38, 403", "370300, 3704, 403", "370323, 37, 403", "370323, 370324, 403",
            "370000, 37a, 400", "'*', 1234567, 400", "370000, '37 00', 400"})
    void askedPrefixOutsideTheScopeOrNotACodeIsRefused(String region, String asked, int status) {
        ProblemException e = assertThrows(ProblemException.class, () -> RegionScope.resolve(region, Optional.of(asked)));
        assertEquals(status, e.type().status());
    }

    @ParameterizedTest
    @CsvSource({"37, 37, 38", "3703, 3703, 3704", "09, 09, 10", "370399, 370399, 370400"})
    void rangeIsHalfOpenOverTheNextPrefix(String prefix, String from, String to) {
        assertArrayEquals(new String[] {from, to}, RegionScope.range(prefix));
    }

    @ParameterizedTest
    @CsvSource({"9, 9", "99, 99", "999999, 999999"})
    void lastPrefixHasNoUpperBound(String prefix, String from) {
        assertArrayEquals(new String[] {from, null}, RegionScope.range(prefix));
    }

    @ParameterizedTest
    @CsvSource({"37", "3", "3703", "3703230", "37x323", "''"})
    void aCallerRegionThatIsNotASixDigitCodeCoversNothing(String region) {
        ProblemException e = assertThrows(ProblemException.class, () -> RegionScope.resolve(region, Optional.empty()));
        assertEquals(403, e.type().status());
    }
}
