package io.duban.task.tableimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duban.testing.Fixtures;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableReaderTest {

    static final String TEXT = "序号,工作要求,责任单位\n1,\"公开, 解读\n并回应\",县财政局\n";

    @ParameterizedTest
    @CsvSource({"UTF-8,false", "UTF-8,true", "GB18030,false", "GBK,false"})
    void textIsDecodedWhateverExcelSavedItAs(String charset, boolean bom) {
        byte[] body = TEXT.getBytes(Charset.forName(charset));
        if (bom) {
            byte[] withBom = new byte[body.length + 3];
            withBom[0] = (byte) 0xEF;
            withBom[1] = (byte) 0xBB;
            withBom[2] = (byte) 0xBF;
            System.arraycopy(body, 0, withBom, 3, body.length);
            body = withBom;
        }
        List<List<String>> grid = TableReader.read(body, "text/csv");
        assertEquals(List.of("序号", "工作要求", "责任单位"), grid.get(0));
        assertEquals(List.of("1", "公开, 解读\n并回应", "县财政局"), grid.get(1));
    }

    @Test
    void formatIsSniffedWhenTheClientSendsOctetStream() {
        assertEquals(TableReader.Format.XLSX, TableReader.format(Fixtures.bytes(Fixtures.KEY_TASKS_XLSX), "application/octet-stream"));
        assertEquals(TableReader.Format.DOCX, TableReader.format(Fixtures.bytes(Fixtures.KEY_TASKS_DOCX), null));
        assertEquals(TableReader.Format.TSV, TableReader.format(Fixtures.bytes(Fixtures.KEY_TASKS_TSV), "text/plain"));
        assertEquals(TableReader.Format.CSV, TableReader.format(Fixtures.bytes(Fixtures.KEY_TASKS_GBK_CSV), "application/octet-stream"));
    }

    @Test
    void pdfAndEmptyBodiesAreRefused() {
        UnreadableSource pdf = assertThrows(UnreadableSource.class, () -> TableReader.read("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), "text/csv"));
        assertEquals(UnreadableSource.Kind.UNSUPPORTED, pdf.kind());
        assertThrows(UnreadableSource.class, () -> TableReader.read(new byte[0], "text/csv"));
    }

    @Test
    void xlsxMergedRegionsAreFilledAndSpansAreNull() {
        List<List<String>> grid = TableReader.read(Fixtures.bytes(Fixtures.KEY_TASKS_XLSX), TableReader.XLSX);
        List<String> header = grid.stream().filter(r -> !r.isEmpty() && "序号".equals(r.get(0))).findFirst().orElseThrow();
        assertEquals(null, header.get(2)); // 工作任务 spans two columns
        assertEquals(48, RowMerger.merge(grid).size());
    }

    @Test
    void xlsxDateCellsReadAsTheDateTheyShow() throws Exception {
        byte[] xlsx;
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            var sheet = book.createSheet("任务分解表");
            var header = sheet.createRow(0);
            String[] names = {"序号", "工作任务", "工作要求", "责任单位", "时限要求"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(1);
            row.createCell(1).setCellValue("政策解读");
            row.createCell(2).setCellValue("做好政策解读");
            row.createCell(3).setCellValue("县财政局");
            var dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            var due = row.createCell(4);
            due.setCellValue(java.time.LocalDate.of(2023, 12, 31));
            due.setCellStyle(dateStyle);
            book.write(out);
            xlsx = out.toByteArray();
        }
        List<List<String>> grid = TableReader.read(xlsx, TableReader.XLSX);
        assertEquals("1", grid.get(1).get(0));
        assertEquals("2023年12月31日", grid.get(1).get(4));
    }

    @Test
    void docxVerticalMergesRepeatTheTextAbove() {
        List<SourceRow> rows = RowMerger.merge(TableReader.read(Fixtures.bytes(Fixtures.KEY_TASKS_DOCX), TableReader.DOCX));
        assertEquals(48, rows.size());
        assertEquals(rows.get(35).responsibleText(), rows.get(36).responsibleText());
    }
}
