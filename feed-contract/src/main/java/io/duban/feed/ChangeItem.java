package io.duban.feed;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One item of the feed as it travels: its cursor, the tenant, the change type's name, the entity's
 * id and the snapshot's JSON. {@code type} stays a string so that a reader can skip a type it does
 * not know yet; {@link FeedJson#read} turns a known one into its {@link Snapshot}.
 */
public record ChangeItem(String cursor, String region, String type, String id, JsonNode data) {
}
