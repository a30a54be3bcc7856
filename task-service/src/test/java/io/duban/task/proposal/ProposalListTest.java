package io.duban.task.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.common.problem.FieldError;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProposalListTest {

    static final LocalDate ASSIGNED = LocalDate.of(2023, 3, 1);

    @Test
    void readsTheColumnsBySynonymAndSkipsPageText() {
        List<List<String>> grid = List.of(
                List.of("县政协十一届二次会议提案交办清单"),
                List.of("提案 编号", "案由", "提案人", "主办单位", "协办单位", "交办日期", "是否复杂"),
                List.of("1102097", "关于加快推进…的提案", "王某某、李某某", "县政府办公室", "县大数据中心", "2023年3月1日", "否"),
                List.of("", "", "", "", ""),
                List.of("提案编号", "案由", "提案人", "主办单位", "协办单位", "交办日期", "是否复杂"),
                List.of("1102101", "关于…的提案", "赵某", "县水利局", "", "", "是"));
        ProposalList.Read read = ProposalList.read(grid, ASSIGNED, Terms.Kind.PROPOSAL);
        assertTrue(read.errors().isEmpty(), read.errors().toString());
        assertEquals(2, read.lines().size());
        ProposalRequest first = read.lines().get(0).request();
        assertEquals(3, read.lines().get(0).line());
        assertEquals("1102097", first.number());
        assertEquals(List.of("王某某", "李某某"), first.proposers());
        assertEquals("县政府办公室", first.leadUnits());
        assertEquals("县大数据中心", first.coUnits());
        assertEquals(LocalDate.of(2023, 3, 1), first.assignedOn());
        assertEquals(false, first.complex());
        assertEquals(Terms.Kind.PROPOSAL, first.kind());
        ProposalRequest second = read.lines().get(1).request();
        assertEquals(ASSIGNED, second.assignedOn());
        assertEquals(true, second.complex());
        assertEquals(6, read.lines().get(1).line());
    }

    @Test
    void listsWhatIsWrongByLine() {
        List<List<String>> grid = List.of(
                List.of("编号", "案由", "提案者", "主办单位", "协办单位", "交办日期"),
                List.of("1", "甲", "王某", "县水利局", "", "2023-02-30"),
                List.of("1", "乙", "李某", "县水利局", "", ""),
                List.of("", "丙", "赵某", "县水利局", "", ""));
        ProposalList.Read read = ProposalList.read(grid, null, Terms.Kind.SUGGESTION);
        assertEquals(List.of(new FieldError("line 2", "交办日期无法识别：2023-02-30"), new FieldError("line 3", "编号 1 重复"),
                new FieldError("line 4", "编号为空")), read.errors());
    }

    @Test
    void aTableWithoutTheHeaderIsRefused() {
        ProposalList.Read read = ProposalList.read(List.of(List.of("序号", "工作任务", "责任单位")), ASSIGNED, Terms.Kind.PROPOSAL);
        assertEquals(1, read.errors().size());
        assertEquals("body", read.errors().get(0).field());
    }
}
