package io.duban.report.obligation;

import java.util.UUID;

/** A task within its region: the unit of obligation re-derivation. */
public record TaskRef(String region, UUID taskId) {
}
