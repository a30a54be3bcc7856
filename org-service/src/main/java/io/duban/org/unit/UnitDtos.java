package io.duban.org.unit;

import io.duban.org.directory.UnitKind;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

/** The unit API's JSON shapes. */
public final class UnitDtos {

    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() { };

    private UnitDtos() {
    }

    /** A unit as clients see it; {@code version} is also sent as the ETag. */
    public record UnitView(String id, String name, UnitKind kind, List<String> aliases, String parentId,
                           boolean active, List<Contact> contacts, long version) {

        public static UnitView from(Unit u, ObjectMapper json) {
            return new UnitView(u.id.toString(), u.name, u.kind, u.aliasList(),
                    u.parentId == null ? null : u.parentId.toString(), u.active, readContacts(u.contacts, json), u.version);
        }
    }

    /** Body of POST and PUT /units (PUT replaces every field; {@code active} defaults to true). */
    public record UnitRequest(
            @NotBlank(message = "单位名称不能为空") @Size(max = 100, message = "单位名称最多 100 个字") String name,
            @NotNull(message = "单位类别不能为空") UnitKind kind,
            @Size(max = 20, message = "别名最多 20 个")
            List<@NotBlank(message = "别名不能为空") @Size(max = 100, message = "别名最多 100 个字") String> aliases,
            UUID parentId,
            @Size(max = 10, message = "联络员最多 10 人") List<@Valid @NotNull Contact> contacts,
            Boolean active) {

        public List<String> aliasesOrEmpty() {
            return aliases == null ? List.of() : aliases;
        }

        public List<Contact> contactsOrEmpty() {
            return contacts == null ? List.of() : contacts;
        }
    }

    /** Answer of POST /units/import. */
    public record ImportResult(int created, int updated, int unchanged) {
    }

    static List<Contact> readContacts(String stored, ObjectMapper json) {
        try {
            return stored == null || stored.isBlank() ? List.of() : json.readValue(stored, CONTACTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String writeContacts(List<Contact> contacts, ObjectMapper json) {
        try {
            return json.writeValueAsString(contacts == null ? List.of() : contacts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
