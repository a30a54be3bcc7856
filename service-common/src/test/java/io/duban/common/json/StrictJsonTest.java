package io.duban.common.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictJsonTest {

    record Body(String title, int count, Boolean flag, LocalDate on) {
    }

    final ObjectMapper mapper = StrictJson.configure(new ObjectMapper().registerModule(new JavaTimeModule()));

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"title\":\"a\",\"title\":\"b\",\"count\":1}",
            "{\"title\":\"a\",\"count\":1} {\"x\":1}",
            "{\"title\":\"a\",\"count\":1.5}",
            "{\"title\":5,\"count\":1}",
            "{\"title\":1.5,\"count\":1}",
            "{\"title\":true,\"count\":1}",
            "{\"title\":\"a\",\"count\":true}",
            "{\"title\":\"a\",\"count\":\"1\"}",
            "{\"title\":\"a\",\"count\":1,\"flag\":\"true\"}",
            "{\"title\":\"a\",\"count\":1,\"flag\":1}",
            "{\"title\":\"a\",\"count\":1,\"on\":123}",
            "{\"title\":\"a\",\"count\":1,\"on\":[]}",
            "{\"title\":\"a\",\"count\":1,\"on\":[2024,5,6]}",
            "{\"title\":\"a\\u0000\",\"count\":1}",
            "{\"title\":\"a\\u001b[31m\",\"count\":1}"})
    void refusesWhatWouldOtherwiseBeGuessed(String json) {
        assertThrows(JsonProcessingException.class, () -> mapper.readValue(json, Body.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":\"a\\tb\\nc\",\"count\":1,\"flag\":true,\"on\":\"2024-05-06\"}"})
    void readsWellFormedBodies(String json) throws Exception {
        Body b = mapper.readValue(json, Body.class);
        assertEquals(LocalDate.of(2024, 5, 6), b.on());
        assertEquals("a\tb\nc", b.title());
    }
}
