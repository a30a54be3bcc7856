package io.duban.deadlines.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YearSchedulesTest {

    static String resource(String name) {
        try (InputStream in = YearSchedulesTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jsonRoundTripKeepsEverything() {
        YearSchedule s = WorkdayCalendar.bundled().schedule(2023).orElseThrow();
        String json = YearSchedules.toJson(s);
        assertEquals(s, YearSchedules.fromJson(json));
        assertTrue(json.contains("\"offDays\" : [ \"2022-12-31\", \"2023-01-01\", \"2023-01-02\" ]"), json);
    }

    @Test
    void holidayCnFileConvertsToTheBundledSchedule() {
        YearSchedule converted = YearSchedules.fromHolidayCn(resource("holidays-cn/2023.json"));
        YearSchedule bundled = WorkdayCalendar.bundled().schedule(2023).orElseThrow();
        assertEquals(bundled.holidays(), converted.holidays());
        assertEquals(bundled.notice().sourceUrl(), converted.notice().sourceUrl());
        assertEquals("国务院办公厅关于2023年部分节假日安排的通知", converted.notice().title());
        assertEquals(null, converted.notice().docNumber());
    }

    @Test
    void weekdayNonOffDaysOfHolidayCnAreDropped() {
        YearSchedule s2020 = YearSchedules.fromHolidayCn(resource("holidays-cn/2020.json"));
        Holiday spring = s2020.holidays().stream().filter(h -> h.name().equals("春节")).findFirst().orElseThrow();
        assertEquals(List.of(LocalDate.of(2020, 1, 19)), spring.makeupDays());
        assertEquals(List.of(), YearScheduleValidator.validate(s2020));
    }

    @Test
    void uploadingTheUnpublished2027FileIsRejectedNotTrusted() {
        // holiday-cn publishes an empty 2027.json until the notice is out: accepting it would make 2027
        // look covered with weekends only.
        YearSchedule empty2027 = YearSchedules.fromHolidayCn(resource("holidays-cn/2027.json"));
        assertEquals(2027, empty2027.year());
        List<ScheduleProblem> problems = YearScheduleValidator.validate(empty2027);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("holidays", problems.get(0).field());
    }

    @Test
    void uploadedYearLayersOverTheBundledCalendar() {
        // A made-up 2027 schedule in holiday-cn format (NOT the real notice): 元旦 2027-01-01 off,
        // 2027-01-02 off, 2026-12-27 (Sunday) a make-up day.
        String json = """
                {"year":2027,"papers":["https://example.invalid/2027"],"days":[
                  {"name":"元旦","date":"2026-12-27","isOffDay":false},
                  {"name":"元旦","date":"2027-01-01","isOffDay":true},
                  {"name":"元旦","date":"2027-01-02","isOffDay":true}]}""";
        YearSchedule y2027 = YearSchedules.fromHolidayCn(json);
        assertEquals(List.of(), YearScheduleValidator.validate(y2027));
        WorkdayCalendar cal = WorkdayCalendar.bundled().withYears(List.of(YearSchedules.fromJson(YearSchedules.toJson(y2027))));
        assertTrue(cal.coveredYears().contains(2027));
        assertTrue(cal.isMakeupWorkday(LocalDate.of(2026, 12, 27)));
        DueDate due = cal.addWorkdays(LocalDate.of(2026, 12, 31), 1);
        assertEquals(LocalDate.of(2027, 1, 4), due.date());
        assertFalse(due.provisional());
        assertTrue(WorkdayCalendar.bundled().addWorkdays(LocalDate.of(2026, 12, 31), 1).provisional());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "null", "{\"year\":\"x\"}", "{\"year\":2027,\"holidays\":[{\"name\":\"元旦\",\"offDays\":[\"2027-13-01\"]}]}",
            "{\"year\":2027,\"notice\":null,\"holidays\":null}", "{not json"})
    void malformedScheduleJsonIsAnIllegalArgumentInChinese(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YearSchedules.fromJson(json));
        assertTrue(e.getMessage().startsWith("不是有效的节假日安排") || e.getMessage().startsWith("节假日安排"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"year\":2027}", "{\"year\":2027,\"days\":[{\"name\":\"元旦\"}]}",
            "{\"year\":2027,\"days\":[{\"name\":\"元旦\",\"date\":\"2027-02-30\",\"isOffDay\":true}]}"})
    void malformedHolidayCnIsAnIllegalArgument(String json) {
        assertThrows(IllegalArgumentException.class, () -> YearSchedules.fromHolidayCn(json));
    }
}
