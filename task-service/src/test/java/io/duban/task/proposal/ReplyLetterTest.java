package io.duban.task.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

class ReplyLetterTest {

    static final SessionDto SESSION = new SessionDto(UUID.randomUUID(), "370124", "县政协十一届二次会议提案办理", 2023, Terms.Body.CPPCC,
            "县政协十一届二次会议", 3, 6, 1, 1, 1, 30);

    static ProposalDto proposal() {
        return new ProposalDto(UUID.randomUUID(), "370124", SESSION.planId(), "1102097", "关于进一步推进政务公开的提案", List.of("王某某"),
                Terms.Kind.PROPOSAL, LocalDate.of(2023, 2, 20), false, "县政府办公室", "", LocalDate.of(2023, 5, 20),
                LocalDate.of(2023, 5, 20), LocalDate.of(2023, 3, 20), false, Terms.Status.ANSWERED, 1, 0, 1, 2);
    }

    static ReplyDto reply(Terms.Outcome outcome, String plan, LocalDate promised) {
        return new ReplyDto(UUID.randomUUID(), UUID.randomUUID(), 1, "您提出的关于进一步推进政务公开的提案收悉。现答复如下：\n一、关于……\n感谢您对政务公开工作的关心和支持。",
                outcome, Terms.Consultation.FACE, LocalDate.of(2023, 4, 10), "张某某", "李某", "0531-87888888", "平政办字〔2023〕9号", null,
                null, "平阴县人民政府办公室", plan, promised, LocalDate.of(2023, 4, 20), LocalDate.of(2023, 5, 20), true, "office",
                Instant.now(), null);
    }

    static List<String> texts(byte[] docx) throws Exception {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            return d.getParagraphs().stream().map(XWPFParagraph::getText).filter(t -> !t.isBlank()).toList();
        }
    }

    @Test
    void theLetterHasThePingyinLayout() throws Exception {
        ReplyDto r = reply(Terms.Outcome.A, null, null);
        byte[] docx = ReplyLetter.docx(ReplyLetter.of(SESSION, proposal(), r, r.issuer()));
        // kept for a look: libreoffice --headless --convert-to pdf target/reply-letter.docx; pdftoppm -png
        java.nio.file.Files.write(java.nio.file.Path.of("target", "reply-letter.docx"), docx);
        assertEquals(List.of("A", "平政办字〔2023〕9号", "对县政协十一届二次会议第1102097号提案的答复", "王某某委员：",
                "您提出的关于进一步推进政务公开的提案收悉。现答复如下：", "一、关于……", "感谢您对政务公开工作的关心和支持。",
                "平阴县人民政府办公室", "2023年4月20日", "联系人及电话：李某  0531-87888888", "抄送：县政协提案委员会。"), texts(docx));
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx))) {
            XWPFParagraph title = d.getParagraphs().stream().filter(p -> p.getText().startsWith("对")).findFirst().orElseThrow();
            assertEquals(ParagraphAlignment.CENTER, title.getAlignment());
            assertEquals(ReplyLetter.TITLE_FONT, title.getRuns().get(0).getFontFamily(org.apache.poi.xwpf.usermodel.XWPFRun.FontCharRange.eastAsia));
            assertEquals(ParagraphAlignment.RIGHT, d.getParagraphs().stream().filter(p -> p.getText().equals("2023年4月20日"))
                    .findFirst().orElseThrow().getAlignment());
            assertEquals("11906", d.getDocument().getBody().getSectPr().getPgSz().getW().toString());
        }
    }

    @Test
    void categoryBPrintsThePlanAndAnNpcSuggestionIsAddressedToTheDeputy() throws Exception {
        SessionDto npc = new SessionDto(SESSION.planId(), "370124", "t", 2023, Terms.Body.NPC, "县十八届人大二次会议", 3, 6, 1, 1, 1, 30);
        ProposalDto p = proposal();
        ProposalDto suggestion = new ProposalDto(p.id(), p.region(), p.planId(), "12", p.title(), p.proposers(), Terms.Kind.SUGGESTION,
                p.assignedOn(), false, p.leadUnits(), p.coUnits(), p.firstDue(), p.replyDue(), p.coOpinionDue(), false, p.status(), 1, 0, 1, 1);
        ReplyDto r = reply(Terms.Outcome.B, "纳入2023年政务公开工作要点", LocalDate.of(2023, 12, 31));
        List<String> t = texts(ReplyLetter.docx(ReplyLetter.of(npc, suggestion, r, "县政府办公室")));
        assertTrue(t.contains("对县十八届人大二次会议第12号建议的答复"), t.toString());
        assertTrue(t.contains("王某某代表："), t.toString());
        assertTrue(t.contains("下一步工作计划：纳入2023年政务公开工作要点（预计2023年12月31日前完成）"), t.toString());
        assertTrue(t.contains("抄送：县人大常委会人事代表选举工作委员会。"), t.toString());
    }
}
