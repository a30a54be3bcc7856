package io.duban.task.feed;

import java.util.UUID;

/** One entry of the change feed: the full state of an entity right after a change. */
public record Change(String region, ChangeType type, UUID id, Object data) {
}
