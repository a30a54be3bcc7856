package io.duban.console.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.duban.console.api.ReportModels.Dashboard;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DashboardAnswersTest {

    static final LocalDate DAY = LocalDate.of(2023, 10, 9);

    @Test
    void anAnswerIsKeptPerRegionDayAndPlan() {
        DashboardAnswers answers = new DashboardAnswers();
        Dashboard d = dashboard();
        answers.put("370323", DAY, null, "W/\"a-1\"", d);
        assertSame(d, answers.get("370323", DAY, null).dashboard());
        assertEquals("W/\"a-1\"", answers.get("370323", DAY, null).etag());
        assertNull(answers.get("370323", DAY, "p-1"));
        assertNull(answers.get("370323", DAY.plusDays(1), null));
        assertNull(answers.get("370322", DAY, null));
    }

    @Test
    void anAnswerWithoutETagIsNotKeptAndTheStoreIsBounded() {
        DashboardAnswers answers = new DashboardAnswers();
        answers.put("370323", DAY, null, null, dashboard());
        assertNull(answers.get("370323", DAY, null));
        for (int i = 0; i < DashboardAnswers.MAX + 10; i++) {
            answers.put("370323", DAY.plusDays(i), null, "W/\"" + i + "\"", dashboard());
        }
        assertEquals(true, answers.size() <= DashboardAnswers.MAX);
    }

    @Test
    void whatWasRenderedFromAnAnswerGoesWithItAndIsBounded() {
        DashboardAnswers answers = new DashboardAnswers();
        DashboardAnswers.Answer first = answers.put("370323", DAY, null, "W/\"a-1\"", dashboard());
        first.remember("supervisor", "<p>1</p>");
        assertEquals("<p>1</p>", answers.get("370323", DAY, null).rendered("supervisor"));
        assertNull(answers.get("370323", DAY, null).rendered("viewer"));
        // a changed dashboard comes with a new ETag: nothing rendered from the old one survives
        answers.put("370323", DAY, null, "W/\"a-2\"", dashboard());
        assertNull(answers.get("370323", DAY, null).rendered("supervisor"));
        DashboardAnswers.Answer kept = answers.get("370323", DAY, null);
        for (int i = 0; i < DashboardAnswers.Answer.MAX_RENDERINGS + 5; i++) {
            kept.remember(i, "<p>" + i + "</p>");
        }
        assertEquals(true, kept.renderings().size() <= DashboardAnswers.Answer.MAX_RENDERINGS);
    }

    private static Dashboard dashboard() {
        return new Dashboard("370323", null, DAY, java.util.Map.of(), 0, null, java.util.List.of(), null, java.util.List.of(),
                null, 0, false, null, null, null, null, null);
    }
}
