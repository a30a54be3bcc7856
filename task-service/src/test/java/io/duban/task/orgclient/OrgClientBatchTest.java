package io.duban.task.orgclient;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** resolve-batch calls are cut by size as well as by count, so a table of long cells never meets org-service's body limit. */
class OrgClientBatchTest {

    @Test
    void shortTextsGoInOneCallUpToTheCount() {
        assertEquals(100, OrgClient.cut(Collections.nCopies(100, "县财政局")));
        assertEquals(OrgClient.MAX_BATCH, OrgClient.cut(Collections.nCopies(OrgClient.MAX_BATCH + 5, "县财政局")));
    }

    @Test
    void longTextsAreCutBySize() {
        String cell = "县".repeat(2000);
        int cut = OrgClient.cut(Collections.nCopies(1000, cell));
        assertEquals(OrgClient.MAX_BATCH_CHARS / 2000, cut);
        assertEquals(1, OrgClient.cut(List.of("县".repeat(OrgClient.MAX_BATCH_CHARS + 1), "县财政局")), "one over-long text still goes alone");
    }
}
