package io.duban.task.tableimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.duban.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowMergerTest {

    static List<List<String>> grid(String... lines) {
        return Arrays.stream(lines).map(l -> Arrays.asList(l.split("\\|", -1))).toList();
    }

    @Test
    void blankCellsRepeatTheRowAbove() {
        List<SourceRow> rows = RowMerger.merge(grid(
                "序号|工作任务||工作要求|责任单位|时限要求",
                "1|甲|乙|要求一|县财政局|长期坚持",
                "2|||要求二||",
                "3||丙|要求三|县民政局|"));
        assertEquals(List.of("甲", "乙"), rows.get(1).category());
        assertEquals("县财政局", rows.get(1).responsibleText());
        assertEquals("长期坚持", rows.get(1).deadlineText());
        assertEquals(List.of("甲", "丙"), rows.get(2).category());
        assertEquals("县民政局", rows.get(2).responsibleText());
        assertEquals("长期坚持", rows.get(2).deadlineText());
    }

    @Test
    void titleLinesRepeatedHeadersBlankLinesAndPageTextAreSkipped() {
        List<SourceRow> rows = RowMerger.merge(grid(
                "2023 年沂源县政务公开重点工作任务分解表",
                "序号|工作任务|工作要求|责任单位|时限要求",
                "1|甲|要求一|县财政局|长期坚持",
                "",
                "县政府办公室文件",
                "序号|工作任务|工作要求|责任单位|时限要求",
                "— 10 —",
                "2|甲|要求二|县民政局|及时公开"));
        assertEquals(2, rows.size());
        assertEquals(List.of(1, 2), rows.stream().map(SourceRow::seq).toList());
        assertEquals(8, rows.get(1).line());
    }

    @Test
    void missingSeqColumnNumbersRowsInOrder() {
        List<SourceRow> rows = RowMerger.merge(grid(
                "重点任务|具体要求|评估对象|完成时限",
                "甲|要求一|县财政局|长期坚持",
                "|要求二|县民政局|及时公开"));
        assertEquals(List.of(1, 2), rows.stream().map(SourceRow::seq).toList());
        assertEquals(List.of("甲"), rows.get(1).category());
    }

    @Test
    void leadAndCoColumnsBecomeOneResponsibilityText() {
        List<SourceRow> rows = RowMerger.merge(grid(
                "序号|一级指标|二级指标|五级指标|牵头单位|配合单位|完成时限",
                "1|甲|乙|要求|县司法局|县财政局、县民政局|长期坚持",
                "2|甲|乙|要求|县司法局||长期坚持"));
        assertEquals("县司法局牵头，县财政局、县民政局配合", rows.get(0).responsibleText());
        assertEquals("县司法局", rows.get(1).responsibleText());
        assertEquals(List.of("甲", "乙"), rows.get(0).category());
    }

    @Test
    void horizontallySpannedCellsAreNotCopiedFromAbove() {
        List<List<String>> g = new java.util.ArrayList<>(grid(
                "序号|工作任务||工作要求|责任单位|时限要求",
                "1|甲|乙|要求一|县财政局|长期坚持"));
        g.add(Arrays.asList("2", "丙", null, "要求二", "县民政局", "长期坚持"));
        assertEquals(List.of("丙"), RowMerger.merge(g).get(1).category());
    }

    @Test
    void wrongHeaderDuplicateSeqAndEmptyTablesAre400() {
        assertThrows(UnreadableSource.class, () -> RowMerger.merge(grid("编号|名称|备注", "1|县财政局|无")));
        UnreadableSource dup = assertThrows(UnreadableSource.class, () -> RowMerger.merge(grid(
                "序号|工作要求|责任单位|时限要求", "1|要求|县财政局|长期坚持", "1|要求|县财政局|长期坚持")));
        assertEquals(3, dup.line());
        assertThrows(UnreadableSource.class, () -> RowMerger.merge(grid("序号|工作要求|责任单位|时限要求", "", "")));
        UnreadableSource longCell = assertThrows(UnreadableSource.class, () -> RowMerger.merge(grid(
                "序号|工作要求|责任单位|时限要求", "1|要求|" + "县财政局、".repeat(401) + "|长期坚持")));
        assertEquals(2, longCell.line());
    }

    @Test
    void theFixtureTsvHas48Rows() {
        List<SourceRow> rows = RowMerger.merge(TableReader.read(Fixtures.bytes(Fixtures.KEY_TASKS_TSV), TableReader.TSV));
        assertEquals(48, rows.size());
        assertEquals(rows.get(35).responsibleText(), rows.get(37).responsibleText());
        assertEquals("长期坚持", rows.get(37).deadlineText());
    }
}
