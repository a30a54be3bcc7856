package io.duban.task.tableimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.duban.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The prose reader on the two real documents, every measure as written, and the inline forms other years use. */
class DocumentReaderTest {

    /** number|category path (/)|责任单位 as written|时限 as written, one line per measure. */
    static final String FIRE_SAFETY = """
            1|坚持党政统一领导，全面落实消防安全责任/推动从“事后追责”到“事前落责”，细化消防工作职责|各镇人民政府、街道办事处、经济开发区管委会|
            2|坚持党政统一领导，全面落实消防安全责任/推动从“事后追责”到“事前落责”，细化消防工作职责|各镇人民政府、街道办事处、经济开发区管委会|
            3|坚持党政统一领导，全面落实消防安全责任/推动从“事后追责”到“事前落责”，细化消防工作职责|各镇人民政府、街道办事处、经济开发区管委会，县安全生产委员会办公室|
            4|坚持党政统一领导，全面落实消防安全责任/推动从“事后追责”到“事前落责”，细化消防工作职责|各镇人民政府、街道办事处、经济开发区管委会，县委编办|
            5|坚持党政统一领导，全面落实消防安全责任/推动从“事后处理”到“事前防范”，打牢消防工作根基|各镇人民政府、街道办事处、经济开发区管委会，县发展改革局、县财政局、县自然资源局、县消防救援大队|
            6|坚持党政统一领导，全面落实消防安全责任/推动从“事后处理”到“事前防范”，打牢消防工作根基|各镇人民政府、街道办事处、经济开发区管委会，县应急局、县消防救援大队|
            7|坚持党政统一领导，全面落实消防安全责任/推动从“事后处理”到“事前防范”，打牢消防工作根基|各镇人民政府、街道办事处、经济开发区管委会，县教育和体育局、县住房城乡建设局、县交通运输局、县消防救援大队|
            8|坚持部门依法监管，持续抓实条线消防安全/推动从“单打独斗”到“联合作战”，形成多部门协调机制|县委统战部、县发展改革局、县教育和体育局、县公安局、县民政局、县自然资源局、县住房城乡建设局、县商务局、县文化和旅游局、县卫生健康局、县应急局、县市场监管局、县综合行政执法局、县消防救援大队|
            9|坚持部门依法监管，持续抓实条线消防安全/推动从“单打独斗”到“联合作战”，形成多部门协调机制|县委统战部、县发展改革局、县教育和体育局、县公安局、县民政局、县自然资源局、县住房城乡建设局、县商务局、县文化和旅游局、县卫生健康局、县应急局、县市场监管局、县综合行政执法局、县消防救援大队|
            10|坚持部门依法监管，持续抓实条线消防安全/推动从“单打独斗”到“联合作战”，形成多部门协调机制|县委统战部、县发展改革局、县教育和体育局、县公安局、县民政局、县自然资源局、县住房城乡建设局、县商务局、县文化和旅游局、县卫生健康局、县应急局、县市场监管局、县综合行政执法局、县消防救援大队|
            11|落实单位主体责任，系统守牢消防安全底线/推动从“被动应付”到“主动落实”，筑牢单位安全屏障|县委统战部、县教育和体育局、县民政局、县住房城乡建设局、县商务局、县文化和旅游局、县卫生健康局、县消防救援大队|
            12|落实单位主体责任，系统守牢消防安全底线/推动从“被动应付”到“主动落实”，筑牢单位安全屏障|县委统战部、县教育和体育局、县民政局、县住房城乡建设局、县商务局、县文化和旅游局、县卫生健康局、县消防救援大队|
            13|落实单位主体责任，系统守牢消防安全底线/推动从“被动应付”到“主动落实”，筑牢单位安全屏障|县委统战部、县教育和体育局、县民政局、县住房城乡建设局、县商务局、县文化和旅游局、县卫生健康局、县消防救援大队|
            14|落实单位主体责任，系统守牢消防安全底线/推动从“被动应付”到“主动落实”，筑牢单位安全屏障|县委统战部、县教育和体育局、县民政局、县住房城乡建设局、县商务局、县文化和旅游局、县卫生健康局、县消防救援大队|
            15|落实单位主体责任，系统守牢消防安全底线/推动从“被动应付”到“主动落实”，筑牢单位安全屏障|县委统战部、县教育和体育局、县民政局、县住房城乡建设局、县商务局、县文化和旅游局、县卫生健康局、县消防救援大队|
            16|强化消防救援机构综合监管,提升消防安全本质水平/推动从“灾后救援”到“灾前预防”,形成风险防范化解机制|县消防安全委员会办公室|
            17|强化消防救援机构综合监管,提升消防安全本质水平/推动从“灾后救援”到“灾前预防”,形成风险防范化解机制|县消防救援大队|
            18|强化消防救援机构综合监管,提升消防安全本质水平/推动从“灾后救援”到“灾前预防”,形成风险防范化解机制|县消防救援大队|
            """;

    static final String WEATHER = """
            1|主要任务/夯实气象高质量发展基础|县气象局牵头，县工业和信息化局、县自然资源局、市生态环境局沂源分局、县交通运输局、县农业农村局、县综合行政执法局等部门按职责分工负责|
            2|主要任务/夯实气象高质量发展基础|县气象局牵头，县自然资源局、县水利局、县农业农村局、县应急局等部门按照职责分工负责|
            3|主要任务/夯实气象高质量发展基础|县气象局牵头，县应急局、县大数据中心、县融媒体中心等部门按照职责分工负责|
            4|主要任务/夯实气象高质量发展基础|县气象局牵头，县大数据中心等部门按照职责分工负责|
            5|主要任务/夯实气象高质量发展基础|县气象局牵头，县农业农村局、县应急局等部门按照职责分工负责|
            1|主要任务/筑牢气象防灾减灾第一道防线|县气象局牵头，县教育和体育局、县公安局、县自然资源局、市生态环境局沂源分局、县住房城乡建设局、县交通运输局、县水利局、县农业农村局、县卫生健康局、县应急局、县综合行政执法局等部门按照职责分工负责|
            2|主要任务/筑牢气象防灾减灾第一道防线|县气象局牵头，县自然资源局、县住房城乡建设局、县交通运输局、县水利局、县农业农村局、县应急局、县综合行政执法局、县科协等部门按照职责分工负责|
            3|主要任务/筑牢气象防灾减灾第一道防线|县气象局牵头，县自然资源局、县住房城乡建设局、县水利局、县农业农村局、县应急局、县综合行政执法局等部门按照职责分工负责|
            4|主要任务/筑牢气象防灾减灾第一道防线|县气象局牵头，县发展改革委、县工业和信息化局、县公安局、县自然资源局、市生态环境局沂源分局、县农业农村局、县应急局等部门按照职责分工负责|
            1|主要任务/提升气象保障生态文明建设能力|市生态环境局沂源分局牵头，县气象局等部门按照职责分工负责|
            2|主要任务/提升气象保障生态文明建设能力|县气象局牵头，县自然资源局、市生态环境局沂源分局、县住房城乡建设局、县水利局、县文化和旅游局、县应急局、县综合行政执法局等部门按照职责分工负责|
            3|主要任务/提升气象保障生态文明建设能力|县气象局牵头，县发展改革局、县自然资源局、市生态环境局沂源分局等部门按照职责分工负责|
            1|主要任务/提高气象服务经济高质量发展水平|县气象局牵头，县自然资源局、县农业农村局等部门按照职责分工负责|
            2|主要任务/提高气象服务经济高质量发展水平|县气象局牵头，县自然资源局、市生态环境局沂源分局、县住房城乡建设局、县交通运输局、县应急局、县综合行政执法局等部门按照职责分工负责|
            3|主要任务/提高气象服务经济高质量发展水平|县气象局牵头，县住房城乡建设局、县综合行政执法局等部门按照职责分工负责|
            1|主要任务/提升气象科技创新与人才支撑能力|县气象局牵头，县科技局、县自然资源局、市生态环境局沂源分局、县水利局、县农业农村局、县应急局等部门按照职责分工负责|
            2|主要任务/提升气象科技创新与人才支撑能力|县气象局牵头，县人力资源社会保障局按照职责分工负责|
            （一）|保障措施|县气象局牵头，县发展改革局、县科技局、县自然资源局等部门按照职责分工负责|
            （二）|保障措施|县气象局牵头，县司法局、县应急局、县市场监管局等部门按照职责分工负责|
            （三）|保障措施|县财政局牵头，县气象局等部门按照职责分工负责|
            """;

    private static void assertMeasures(String expected, List<SourceRow> rows) {
        List<String> lines = expected.strip().lines().map(String::strip).toList();
        assertEquals(lines.size(), rows.size(), "measures");
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).split("\\|", -1);
            SourceRow r = rows.get(i);
            assertEquals(i + 1, r.seq(), "seq runs 1..N");
            assertEquals(f[0], r.number(), "number of measure " + (i + 1));
            assertEquals(Arrays.asList(f[1].split("/")), r.category(), "category of measure " + (i + 1));
            assertEquals(f[2], r.responsibleText(), "责任单位 of measure " + (i + 1));
            assertEquals(f[3], r.deadlineText(), "时限 of measure " + (i + 1));
        }
    }

    private static List<SourceRow> read(String fixture, String contentType) {
        SourceReader.Source source = SourceReader.read(Fixtures.bytes(fixture), contentType);
        assertEquals(SourceReader.Form.DOCUMENT, source.form());
        return source.rows();
    }

    @Test
    void fireSafetyOpinionFromTextHasEighteenMeasuresWithTheirUnits() {
        List<SourceRow> rows = read("yiyuan-2023-fire-safety-opinion.txt", "text/plain");
        assertMeasures(FIRE_SAFETY, rows);
        assertEquals("落实消防工作法定职责。各镇(街道、经济开发区)要严格对照消防法律法规规章、方针政策和部署要求，结合各自实际进一步制定完善消防领域政策制度；"
                + "定期召开办公会议，分析研判消防安全形势，研究消防工作重大事项，协调解决重大消防问题。", rows.get(0).requirement());
        // a page break inside the parenthesis ("县\n\n委统战部") and a parenthesis on its own line (measure 13)
        assertTrue(rows.get(8).responsibleText().startsWith("县委统战部、"));
        assertTrue(rows.get(12).requirement().endsWith("实现“人人会逃生、人人懂消防”的目标。"));
        // parentheses inside the measure are text; only the last one naming units is the assignment
        assertTrue(rows.get(13).requirement().contains("“设施运行正常化”（自动消防设施时刻保持完好有效状态）"));
        assertTrue(rows.get(17).requirement().endsWith("形成推进消防安全标准化工作的浓厚氛围。"), "the signature is not part of the last measure");
    }

    @Test
    void fireSafetyOpinionFromWordParagraphsReadsTheSameAsTheText() {
        List<SourceRow> docx = read("yiyuan-2023-fire-safety-opinion.docx", TableReader.DOCX);
        assertMeasures(FIRE_SAFETY, docx);
        List<SourceRow> txt = read("yiyuan-2023-fire-safety-opinion.txt", "text/plain");
        for (int i = 0; i < txt.size(); i++) {
            assertEquals(txt.get(i).requirement(), docx.get(i).requirement());
        }
    }

    @Test
    void weatherNoticeHasTwentyMeasuresNumberedWithinEachHeading() {
        List<SourceRow> rows = read("yiyuan-2023-weather-notice.txt", "text/plain");
        assertMeasures(WEATHER, rows);
        // a numbered heading line whose body follows in the next paragraph ("## 2.建设高水平气象人才队伍。")
        assertTrue(rows.get(16).requirement().startsWith("建设高水平气象人才队伍。建立以创新价值"));
        // 指导思想 / 发展目标 and the 总体要求 paragraphs are not tasks
        assertTrue(rows.stream().noneMatch(r -> r.requirement().startsWith("以习近平") || r.requirement().startsWith("到2025年")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            1.推进公开。（责任单位：县政务服务中心管理办公室牵头，县政府有关部门配合，各镇、街道负责；完成时限：2018年11月底前） | 县政务服务中心管理办公室牵头，县政府有关部门配合，各镇、街道负责 | 2018年11月底前
            1.推进公开。(责任单位:县司法局;完成时限:2018年12月底) | 县司法局 | 2018年12月底
            1.推进公开。（责任单位：县司法局，完成时限2018年11月底前） | 县司法局 | 2018年11月底前
            1.推进公开。（责任单位：县司法局牵头，县财政局配合,完成时限：2018 年 11 月底前） | 县司法局牵头，县财政局配合 | 2018 年 11 月底前
            1.推进公开（含“一网通办”事项）。（县气象局牵头，县发展改革委……等部门按照职责分工负责） | 县气象局牵头，县发展改革委……等部门按照职责分工负责 |
            1.推进公开（含各镇、街道）。（责任单位：县审计局）（2018年底前完成） | 县审计局 |
            1.推进公开。（责任单位：县文化和旅游局（涉密信息除外）） | 县文化和旅游局 |
            1.推进公开。（县消防救援大队） | 县消防救援大队 |
            """)
    void inlineAssignmentForms(String paragraph, String responsible, String deadline) {
        List<SourceRow> rows = DocumentReader.read(List.of("一、总体要求", paragraph));
        assertEquals(1, rows.size());
        assertEquals(responsible, rows.get(0).responsibleText());
        assertEquals(deadline == null ? "" : deadline, rows.get(0).deadlineText());
        assertEquals(List.of("总体要求"), rows.get(0).category());
        assertEquals("1", rows.get(0).number());
    }

    @Test
    void anAnnotationThatNamesNoUnitBecomesTheNote() {
        SourceRow row = DocumentReader.read(List.of("1.推进公开。（责任单位：县文化和旅游局（涉密信息除外））")).get(0);
        assertEquals("县文化和旅游局", row.responsibleText());
        assertEquals("涉密信息除外", row.note());
        assertEquals("推进公开。", row.requirement());
    }

    @Test
    void aMeasureWithoutInlineUnitsIsStillATaskAndOtherParagraphsAreNot() {
        List<SourceRow> rows = DocumentReader.read(List.of(
                "沂源县人民政府办公室关于推进政务公开的实施意见",
                "为做好政务公开工作，现提出如下意见。",
                "一、总体要求",
                "以习近平新时代中国特色社会主义思想为指导，全面推进政务公开。",
                "二、重点任务",
                "（一）推进决策公开",
                "1.完善目录。编制重大行政决策事项目录。（责任单位：县司法局；完成时限：2023年6月底前）",
                "2.扩大参与。各单位要邀请公众参与。",
                "（二）推进执行公开",
                "1.公开进度。",
                "重点项目按季度公开进度。",
                "（责任单位：县发展改革局）",
                "三、保障措施",
                "各单位要加强组织领导，确保各项任务落到实处。",
                "沂源县人民政府办公室",
                "2023年8月3日"));
        assertEquals(3, rows.size());
        assertEquals(List.of("重点任务", "推进决策公开"), rows.get(1).category());
        assertEquals("", rows.get(1).responsibleText(), "imported, and the import flags it EMPTY");
        assertEquals("扩大参与。各单位要邀请公众参与。", rows.get(1).requirement());
        assertEquals(List.of("重点任务", "推进执行公开"), rows.get(2).category());
        assertEquals("公开进度。重点项目按季度公开进度。", rows.get(2).requirement());
        assertEquals("县发展改革局", rows.get(2).responsibleText());
        assertEquals(List.of(1, 2, 3), rows.stream().map(SourceRow::seq).toList());
        assertEquals(List.of("1", "2", "1"), rows.stream().map(SourceRow::number).toList());
        assertNull(rows.get(0).note());
    }

    @Test
    void aDocumentWithoutNumberedMeasuresIs400() {
        assertThrows(UnreadableSource.class, () -> DocumentReader.read(List.of("关于做好政务公开工作的通知", "各单位要高度重视。")));
    }

    @Test
    void aTextBodyWithATableHeaderIsStillReadAsATable() {
        SourceReader.Source source = SourceReader.read("序号\t工作要求\t责任单位\t时限要求\n1\t要求一\t县财政局\t长期坚持\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/plain");
        assertEquals(SourceReader.Form.TABLE, source.form());
        assertEquals(1, source.rows().size());
    }

    @Test
    void gb18030TextIsReadAsADocument() {
        byte[] gbk = "一、重点任务\n1.完善目录。（责任单位：县司法局）\n".getBytes(java.nio.charset.Charset.forName("GB18030"));
        SourceReader.Source source = SourceReader.read(gbk, "text/plain");
        assertEquals("县司法局", source.rows().get(0).responsibleText());
    }

    @Test
    void pagesOfBodyTextAfterAHeadingAreReadInLinearTime() {
        List<String> lines = new java.util.ArrayList<>();
        lines.add("一、总体要求");
        for (int i = 0; i < 40_000; i++) {
            lines.add("各单位要高度重视（认真落实）并按照要求推进工作，确保取得实效");
        }
        lines.add("二、重点任务");
        lines.add("1.完善目录。（责任单位：县司法局）");
        List<SourceRow> rows = DocumentReader.read(lines);
        assertEquals(1, rows.size());
        assertEquals(List.of("重点任务"), rows.get(0).category());
    }
}
