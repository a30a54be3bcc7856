package io.duban.task.tableimport;

/** A row the reader put right (cells shifted where the PDF merged them), shown in the dry run. */
public record Repair(int line, int seq, String detail) {
}
