package io.duban.deadlines.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads and writes a {@link YearSchedule} as JSON — the format of the bundled {@code cn-YYYY.json}
 * resources and of a schedule uploaded at run time:
 * <pre>
 * {"year":2023,
 *  "notice":{"title":"国务院办公厅关于2023年部分节假日安排的通知","docNumber":"国办发明电〔2022〕16号",
 *            "issuedOn":"2022-12-08","sourceUrl":"http://www.gov.cn/…"},
 *  "holidays":[{"name":"元旦","offDays":["2022-12-31","2023-01-01","2023-01-02"],"makeupDays":[]}, …]}
 * </pre>
 * Also converts holiday-cn's per-year JSON (github.com/NateScarlet/holiday-cn) so an operator can
 * upload that file as it is.
 */
public final class YearSchedules {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private YearSchedules() {
    }

    /** @throws IllegalArgumentException (message in Chinese) when the JSON is not a year schedule */
    public static YearSchedule fromJson(String json) {
        try {
            YearSchedule schedule = MAPPER.readValue(json, YearSchedule.class);
            if (schedule == null) {
                throw new IllegalArgumentException("节假日安排不能为空");
            }
            return schedule;
        } catch (JsonProcessingException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith("节假日安排")) {
                throw iae;
            }
            throw new IllegalArgumentException("不是有效的节假日安排 JSON：" + rootMessage(e), e);
        }
    }

    public static String toJson(YearSchedule schedule) {
        try {
            return MAPPER.writeValueAsString(schedule) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write schedule " + schedule.year(), e);
        }
    }

    /**
     * Converts a holiday-cn year file ({@code {"year":2023,"papers":[url…],"days":[{"name","date","isOffDay"}…]}}).
     * Days are grouped into holidays by name in order of first appearance. The notice gets the standard
     * title of the 国务院办公厅 notices and the first paper as source; 文号 and date are unknown (null).
     * A non-off day on a weekday carries no information (it is a working day anyway — holiday-cn lists
     * 2020-02-03 after the 2020 Spring Festival extension this way) and is dropped.
     *
     * @throws IllegalArgumentException (message in Chinese) when the JSON is not in holiday-cn format
     */
    public static YearSchedule fromHolidayCn(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("不是有效的 JSON：" + rootMessage(e), e);
        }
        if (root == null || !root.isObject() || !root.path("year").canConvertToInt() || !root.path("days").isArray()) {
            throw new IllegalArgumentException("不是 holiday-cn 格式：需要 year（整数）和 days（数组）");
        }
        int year = root.get("year").asInt();
        String source = null;
        JsonNode papers = root.path("papers");
        if (papers.isArray() && !papers.isEmpty() && papers.get(0).isTextual()) {
            source = papers.get(0).asText();
        }
        Map<String, List<LocalDate>> off = new LinkedHashMap<>();
        Map<String, List<LocalDate>> makeup = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode day : root.get("days")) {
            String name = day.path("name").isTextual() ? day.get("name").asText() : null;
            JsonNode dateNode = day.path("date");
            JsonNode offNode = day.path("isOffDay");
            if (name == null || !dateNode.isTextual() || !offNode.isBoolean()) {
                throw new IllegalArgumentException("days[" + index + "] 需要 name、date、isOffDay");
            }
            LocalDate date;
            try {
                date = LocalDate.parse(dateNode.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("days[" + index + "] 的日期无效：" + dateNode.asText(), e);
            }
            off.computeIfAbsent(name, n -> new ArrayList<>());
            makeup.computeIfAbsent(name, n -> new ArrayList<>());
            if (offNode.asBoolean()) {
                off.get(name).add(date);
            } else if (isWeekend(date)) {
                makeup.get(name).add(date);
            }
            index++;
        }
        List<Holiday> holidays = new ArrayList<>();
        for (String name : off.keySet()) {
            holidays.add(new Holiday(name, new ArrayList<>(new TreeSet<>(off.get(name))),
                    new ArrayList<>(new TreeSet<>(makeup.get(name)))));
        }
        return new YearSchedule(year, new Notice(standardTitle(year), null, null, source), holidays);
    }

    /** "国务院办公厅关于2023年部分节假日安排的通知" — the form every year's notice title takes. */
    public static String standardTitle(int year) {
        return "国务院办公厅关于" + year + "年部分节假日安排的通知";
    }

    static boolean isWeekend(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof JsonProcessingException jpe) {
            return jpe.getOriginalMessage();
        }
        return String.valueOf(t.getMessage());
    }
}
