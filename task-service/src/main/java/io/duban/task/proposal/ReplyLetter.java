package io.duban.task.proposal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * The 答复函 as the 平阴 公报 prints one (平政办字〔2023〕9号): the 解决情况 letter in the top left corner, the 文号 on the
 * right, the title "对县政协十一届二次会议第1102097号提案的答复", the addressee ("王某某委员："), the body in 仿宋 三号 with
 * two-character indents, the issuer and the date on the right, then 联系人及电话 and 抄送 at the foot. A4 with the
 * GB/T 9704 margins and fonts, like report-service's documents.
 */
public final class ReplyLetter {

    static final String TITLE_FONT = "方正小标宋简体";
    static final String BODY_FONT = "仿宋_GB2312";
    private static final int BODY_PT = 16;
    private static final int INDENT = 2 * BODY_PT * 20;

    /** What the letter says; {@code paragraphs}: the body, one entry per paragraph. */
    public record Letter(String outcomeMark, String docNumber, String title, String addressee, List<String> paragraphs,
            String issuer, LocalDate date, String contact, String cc) {
    }

    private ReplyLetter() {
    }

    /** The letter for a reply: title from the session and number, addressee defaulting to the proposers. */
    public static Letter of(SessionDto session, ProposalDto p, ReplyDto r, String issuer) {
        String word = p.kind().label;
        String title = "对" + session.sessionName() + "第" + p.number() + "号" + word + "的答复";
        String addressee = r.addressee() != null ? r.addressee()
                : p.proposersText() + (session.body() == Terms.Body.NPC ? "代表" : "委员");
        List<String> paragraphs = new ArrayList<>();
        for (String line : r.text().split("\\r?\\n")) {
            if (!line.isBlank()) {
                paragraphs.add(line.strip());
            }
        }
        if (r.outcome() == Terms.Outcome.B && r.planText() != null) {
            paragraphs.add("下一步工作计划：" + r.planText() + "（预计" + ChineseDay.of(r.promisedOn()) + "前完成）");
        }
        String cc = r.cc() != null ? r.cc() : (session.body() == Terms.Body.NPC ? "县人大常委会人事代表选举工作委员会" : "县政协提案委员会");
        return new Letter(r.outcome().name(), r.docNumber(), title, addressee.endsWith("：") ? addressee : addressee + "：", paragraphs,
                issuer, r.repliedOn(), "联系人及电话：" + r.contactName() + "  " + r.contactPhone(), "抄送：" + cc + "。");
    }

    public static byte[] docx(Letter l) {
        try (XWPFDocument d = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            a4(d);
            XWPFParagraph head = d.createParagraph();
            exact(head);
            text(head, l.outcomeMark(), "黑体", BODY_PT);
            if (l.docNumber() != null) {
                XWPFParagraph no = d.createParagraph();
                no.setAlignment(ParagraphAlignment.RIGHT);
                exact(no);
                text(no, l.docNumber(), BODY_FONT, BODY_PT);
            }
            XWPFParagraph title = d.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            title.setSpacingBefore(BODY_PT * 20);
            title.setSpacingAfter(BODY_PT * 20);
            text(title, l.title(), TITLE_FONT, 22);
            XWPFParagraph to = d.createParagraph();
            exact(to);
            text(to, l.addressee(), BODY_FONT, BODY_PT);
            for (String para : l.paragraphs()) {
                XWPFParagraph p = d.createParagraph();
                p.setAlignment(ParagraphAlignment.BOTH);
                p.setIndentationFirstLine(INDENT);
                exact(p);
                text(p, para, BODY_FONT, BODY_PT);
            }
            d.createParagraph();
            for (String line : List.of(l.issuer(), ChineseDay.of(l.date()))) {
                XWPFParagraph p = d.createParagraph();
                p.setAlignment(ParagraphAlignment.RIGHT);
                p.setIndentationRight(2 * INDENT);
                exact(p);
                text(p, line, BODY_FONT, BODY_PT);
            }
            d.createParagraph();
            for (String line : List.of(l.contact(), l.cc())) {
                XWPFParagraph p = d.createParagraph();
                exact(p);
                text(p, line, BODY_FONT, 14);
            }
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void a4(XWPFDocument d) {
        CTSectPr sect = d.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar m = sect.addNewPgMar();
        m.setTop(BigInteger.valueOf(twips(37)));
        m.setBottom(BigInteger.valueOf(twips(35)));
        m.setLeft(BigInteger.valueOf(twips(28)));
        m.setRight(BigInteger.valueOf(twips(26)));
    }

    private static int twips(int mm) {
        return (int) Math.round(mm * 1440 / 25.4);
    }

    /** 28 pt fixed line pitch: 22 lines on a page, as 公文 have. */
    private static void exact(XWPFParagraph p) {
        p.setSpacingBetween(28, LineSpacingRule.EXACT);
    }

    private static void text(XWPFParagraph p, String s, String font, int pt) {
        XWPFRun r = p.createRun();
        r.setText(s);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        r.setFontSize(pt);
    }

    /** 2023年3月15日 */
    static final class ChineseDay {
        private ChineseDay() {
        }

        static String of(LocalDate d) {
            return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
        }
    }
}
