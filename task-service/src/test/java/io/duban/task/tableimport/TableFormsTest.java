package io.duban.task.tableimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table forms beside the key-task table: the raw 常态化 list and the 2020 two-column layout. */
class TableFormsTest {

    private static List<List<String>> grid(String... lines) {
        return Arrays.stream(lines).map(l -> Arrays.asList(l.split("\\|", -1))).toList();
    }

    private static SourceReader.Source routine() {
        return SourceReader.read(Fixtures.bytes("yiyuan-2023-routine.raw.tsv"), TableReader.TSV);
    }

    @Test
    void routineListSkipsRepeatedHeadersAndPageTextAndKeepsEveryRequirement() {
        SourceReader.Source s = routine();
        assertEquals(SourceReader.Form.TABLE, s.form());
        assertEquals(197, s.rows().size());
        assertTrue(s.rows().stream().noneMatch(r -> r.requirement().contains("县政府办公室文件") || r.requirement().equals("一级指标")));
        assertTrue(s.rows().stream().noneMatch(r -> r.responsibleText().isEmpty()));
        SourceRow first = s.rows().get(0);
        assertEquals(List.of("主动公开", "法定基础信息", "行政规范性文件", "发布情况"), first.category());
        assertEquals("所有部门、单位", first.responsibleText());
    }

    @Test
    void rowsWhoseCellsShiftedLeftAreRepairedAndListed() {
        SourceReader.Source s = routine();
        assertEquals(36, s.repairs().size());
        // line 5: 清理与标注 | requirement | 县司法局 | (blank): the units sat in the 五级指标 column
        SourceRow cleanUp = s.rows().stream().filter(r -> r.line() == 5).findFirst().orElseThrow();
        assertEquals("发布本级政府行政规范性文件清理结果（至少每隔 2 年清理一次）。", cleanUp.requirement());
        assertEquals("县司法局", cleanUp.responsibleText());
        assertEquals(List.of("主动公开", "法定基础信息", "行政规范性文件", "清理与标注"), cleanUp.category());
        Repair repair = s.repairs().stream().filter(r -> r.line() == 5).findFirst().orElseThrow();
        assertEquals(cleanUp.seq(), repair.seq());
        assertEquals("单元格错位已修正：工作要求取自第 4 列，评估对象“县司法局”取自第 5 列", repair.detail());
        // line 6: the next row shifted the same way keeps its own units, not the row above's
        SourceRow next = s.rows().stream().filter(r -> r.line() == 6).findFirst().orElseThrow();
        assertEquals("所有部门、单位", next.responsibleText());
        // line 157: a row that spilled one column past 评估对象
        SourceRow water = s.rows().stream().filter(r -> r.line() == 157).findFirst().orElseThrow();
        assertEquals("按季度向社会公开饮用水水源水质状况。", water.requirement());
        assertEquals("县水利局", water.responsibleText());
        assertEquals(List.of("主动公开", "重点领域信息", "环境保护", "饮水安全状况"), water.category());
        // line 22: a requirement alone in the 四级 column; its 评估对象 is the row above's (a merged cell)
        SourceRow alone = s.rows().stream().filter(r -> r.line() == 22).findFirst().orElseThrow();
        assertEquals("依据、条件、程序以及办理结果等要素和内容全面、准确。", alone.requirement());
        assertEquals("除县司法局、县信访局、县投资促进发展中心、县供销社外的部门、单位", alone.responsibleText());
    }

    @Test
    void shiftRepairIsGeneralNotTiedToTheFixture() {
        RowMerger.Merged m = RowMerger.read(grid(
                "一级指标|二级指标|三级指标|四级指标|五级指标|评估对象",
                "甲|乙|丙|丁|按月公开收支情况。|县财政局",
                "||戊|及时公开审计结果。|县审计局|",
                "||||己|按季度公开执法数据。|县司法局",
                "县政府办公室文件",
                "||||及时更新目录。|"));
        assertEquals(4, m.rows().size());
        assertEquals(List.of("甲", "乙", "丙", "戊"), m.rows().get(1).category());
        assertEquals("县审计局", m.rows().get(1).responsibleText());
        assertEquals(List.of("甲", "乙", "丙", "己"), m.rows().get(2).category());
        assertEquals("按季度公开执法数据。", m.rows().get(2).requirement());
        assertEquals("县司法局", m.rows().get(2).responsibleText());
        assertEquals("县司法局", m.rows().get(3).responsibleText());
        assertEquals(List.of(3, 4), m.repairs().stream().map(Repair::line).toList());
    }

    @Test
    void keyTaskTablesAreNeverShifted() {
        RowMerger.Merged m = RowMerger.read(grid(
                "序号|工作任务|工作要求|责任单位|时限要求",
                "1|甲|要求一|县财政局|",
                "2|甲|县民政局|县民政局|长期坚持"));
        assertTrue(m.repairs().isEmpty());
        assertEquals("县民政局", m.rows().get(1).requirement());
    }

    @Test
    void twoColumnRequirementHeaderMakesTheSubItemTheRequirement() {
        SourceReader.Source s = SourceReader.read(TwentyTwentyTable.sample(), TableReader.DOCX);
        assertEquals(SourceReader.Form.TABLE, s.form());
        assertEquals(3, s.rows().size());
        SourceRow one = s.rows().get(0);
        assertEquals(List.of("推进政务公开标准化规范化", "加强基层政务公开"), one.category());
        assertEquals("（1）梳理基层政务公开事项目录", one.requirement());
        assertEquals("县文化和旅游局, 县委宣传部等有关部门、有关单位, 各镇(街道)", one.responsibleText(), "a sub-item never lands in 责任单位");
        assertEquals(List.of("县文化和旅游局"), one.leads());
        assertEquals("", one.deadlineText());
        SourceRow two = s.rows().get(1);
        assertEquals(List.of("推进政务公开标准化规范化", "加强基层政务公开"), two.category(), "merged cells carry down");
        assertEquals("县委宣传部, 县文化和旅游局", two.responsibleText());
        assertEquals("涉密信息除外", two.note());
        assertEquals(List.of("县文化和旅游局"), two.leads(), "bold is the lead whatever its position");
        SourceRow three = s.rows().get(2);
        assertEquals(List.of("深化重点领域信息公开"), three.category());
        assertEquals("做好财政预决算公开", three.requirement(), "without a sub-item the requirement is the first column");
        assertTrue(three.leads().isEmpty());
        assertNull(three.note());
    }

    @Test
    void blankLeadCellWithSeparateColumnsIsFlaggedNotPromoted() {
        List<SourceRow> rows = RowMerger.merge(grid(
                "序号|工作要求|牵头单位|配合单位|完成时限",
                "1|要求一||县财政局、县民政局|2023-12-31"));
        assertEquals("县财政局、县民政局配合", rows.get(0).responsibleText());
        assertTrue(rows.get(0).leadMissing());
    }

    @Test
    void annotationsThatNameNoUnitAreTakenOutOfTheUnits() {
        assertEquals(new UnitText.Annotated("所有部门、单位", "涉密信息除外"), UnitText.annotations("所有部门、单位(涉密信息除外)"));
        assertEquals(new UnitText.Annotated("县委政研室（改革办）", null), UnitText.annotations("县委政研室（改革办）"));
        assertEquals(new UnitText.Annotated("各镇(街道)、县财政局（牵头）", null), UnitText.annotations("各镇(街道)、县财政局（牵头）"));
    }
}
