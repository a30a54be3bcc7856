package io.duban.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The real 沂源县 fixtures from ../shared/fixtures, copied into this jar under {@code fixtures/}. */
public final class Fixtures {

    public static final String UNITS_TSV = "yiyuan-units.tsv";
    public static final String KEY_TASKS_TSV = "yiyuan-2023-key-tasks.tsv";
    public static final String KEY_TASKS_GBK_CSV = "yiyuan-2023-key-tasks.gbk.csv";
    public static final String KEY_TASKS_XLSX = "yiyuan-2023-key-tasks.xlsx";
    public static final String KEY_TASKS_DOCX = "yiyuan-2023-key-tasks.docx";
    public static final String KEY_TASKS_RAW = "yiyuan-2023-key-tasks.raw.txt";

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
