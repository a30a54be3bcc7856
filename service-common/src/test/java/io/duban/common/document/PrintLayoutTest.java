package io.duban.common.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PrintLayoutTest {

    @Test
    void aTableWiderThanAPortraitPagePrintsInLandscape() {
        assertFalse(PrintLayout.isLandscape(PrintLayout.PORTRAIT_WIDTH_CHARS));
        assertTrue(PrintLayout.isLandscape(PrintLayout.PORTRAIT_WIDTH_CHARS + 1));
    }

    @Test
    void theSetupSurvivesBeingWrittenAndReadBack() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet narrow = wb.createSheet("窄");
            narrow.setColumnWidth(0, 20 * 256);
            narrow.setColumnWidth(1, 30 * 256);
            PrintLayout.apply(narrow, 1, 2);
            Sheet wide = wb.createSheet("宽");
            for (int c = 0; c < 8; c++) {
                wide.setColumnWidth(c, 14 * 256);
            }
            PrintLayout.apply(wide, 2, 8);
            Sheet bare = wb.createSheet("无表头");
            PrintLayout.apply(bare, 0, 3);
            wb.write(out);
            bytes = out.toByteArray();
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet narrow = wb.getSheet("窄");
            assertEquals(PrintSetup.A4_PAPERSIZE, narrow.getPrintSetup().getPaperSize());
            assertFalse(narrow.getPrintSetup().getLandscape(), "50 characters fit a portrait page");
            assertTrue(narrow.getFitToPage());
            assertEquals(1, narrow.getPrintSetup().getFitWidth());
            assertEquals(0, narrow.getPrintSetup().getFitHeight());
            assertEquals("1:1", narrow.getRepeatingRows().formatAsString());
            assertTrue(narrow.getHorizontallyCenter());
            assertEquals("第 &P 页，共 &N 页", narrow.getFooter().getCenter());

            Sheet wide = wb.getSheet("宽");
            assertTrue(wide.getPrintSetup().getLandscape(), "112 characters do not");
            assertEquals("1:2", wide.getRepeatingRows().formatAsString());

            assertNull(wb.getSheet("无表头").getRepeatingRows());
        }
    }
}
