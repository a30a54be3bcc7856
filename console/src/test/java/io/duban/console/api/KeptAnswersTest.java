package io.duban.console.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.duban.console.api.ReportModels.Dashboard;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class KeptAnswersTest {

    static final LocalDate DAY = LocalDate.of(2023, 10, 9);

    @Test
    void anAnswerIsKeptPerRegionDayAndPlan() {
        KeptAnswers answers = new KeptAnswers();
        Dashboard d = dashboard();
        answers.put("dashboard", "370323", DAY, null, "W/\"a-1\"", d);
        assertSame(d, answers.<Dashboard>get("dashboard", "370323", DAY, null).value());
        assertEquals("W/\"a-1\"", answers.<Dashboard>get("dashboard", "370323", DAY, null).etag());
        assertNull(answers.<Dashboard>get("dashboard", "370323", DAY, "p-1"));
        assertNull(answers.<Dashboard>get("dashboard", "370323", DAY.plusDays(1), null));
        assertNull(answers.<Dashboard>get("dashboard", "370322", DAY, null));
        // another endpoint's answer for the same parameters is another entry
        assertNull(answers.get("summary", "370323", DAY, null));
    }

    @Test
    void anAnswerWithoutETagIsNotKeptAndTheStoreIsBounded() {
        KeptAnswers answers = new KeptAnswers();
        answers.put("dashboard", "370323", DAY, null, null, dashboard());
        assertNull(answers.<Dashboard>get("dashboard", "370323", DAY, null));
        for (int i = 0; i < KeptAnswers.MAX + 10; i++) {
            answers.put("dashboard", "370323", DAY.plusDays(i), null, "W/\"" + i + "\"", dashboard());
        }
        assertEquals(true, answers.size() <= KeptAnswers.MAX);
    }

    @Test
    void whatWasRenderedFromAnAnswerGoesWithItAndIsBounded() {
        KeptAnswers answers = new KeptAnswers();
        KeptAnswers.Answer<Dashboard> first = answers.put("dashboard", "370323", DAY, null, "W/\"a-1\"", dashboard());
        first.remember("supervisor", "<p>1</p>");
        assertEquals("<p>1</p>", answers.<Dashboard>get("dashboard", "370323", DAY, null).rendered("supervisor"));
        assertNull(answers.<Dashboard>get("dashboard", "370323", DAY, null).rendered("viewer"));
        // a changed dashboard comes with a new ETag: nothing rendered from the old one survives
        answers.put("dashboard", "370323", DAY, null, "W/\"a-2\"", dashboard());
        assertNull(answers.<Dashboard>get("dashboard", "370323", DAY, null).rendered("supervisor"));
        KeptAnswers.Answer<Dashboard> kept = answers.<Dashboard>get("dashboard", "370323", DAY, null);
        for (int i = 0; i < KeptAnswers.Answer.MAX_RENDERINGS + 5; i++) {
            kept.remember(i, "<p>" + i + "</p>");
        }
        assertEquals(true, kept.renderings().size() <= KeptAnswers.Answer.MAX_RENDERINGS);
    }

    private static Dashboard dashboard() {
        return new Dashboard("370323", null, DAY, java.util.Map.of(), 0, null, java.util.List.of(), null, java.util.List.of(),
                null, 0, false, null, null, null, null, null);
    }
}
