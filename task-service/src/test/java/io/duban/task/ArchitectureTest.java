package io.duban.task;

import io.duban.testing.LayeringTest;

/** The layering of task-service: test-support's {@link LayeringTest} rules on io.duban.task. */
class ArchitectureTest extends LayeringTest {

    @Override
    protected String basePackage() {
        return "io.duban.task";
    }

    /** The readers of an upload, deep inside a parse: they throw {@code UnreadableSource}, never an HTTP problem. */
    @Override
    protected String moreDomainClasses() {
        return "io\\.duban\\.task\\.tableimport\\.(TableReader|SourceReader|DocumentReader|XlsxTable|DocxTable|ShiftRepair)(\\$.*)?";
    }
}
