package io.duban.org.group;

import io.duban.org.directory.KnownGroup;
import io.duban.org.directory.KnownUnit;
import io.duban.org.directory.UnitKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The group API's JSON shapes. */
public final class GroupDtos {

    private GroupDtos() {
    }

    /** A member as listed under its group. */
    public record Member(String id, String name, UnitKind kind) {
        static Member from(KnownUnit u) {
            return new Member(u.id().toString(), u.name(), u.kind());
        }
    }

    /**
     * A group with its current members (the region's active units it selects). Built-in groups have
     * ids {@code builtin-towns}, {@code builtin-departments}, {@code builtin-all}; custom ones UUIDs.
     */
    public record GroupView(String id, String name, List<String> aliases, boolean builtIn, List<UnitKind> kinds,
                            List<String> memberIds, List<Member> members) {

        static GroupView of(String id, boolean builtIn, KnownGroup g, List<KnownUnit> active) {
            return new GroupView(id, g.name(), g.aliases(), builtIn,
                    g.kinds().stream().sorted().toList(),
                    g.memberIds().stream().map(UUID::toString).sorted().toList(),
                    g.members(active).stream().map(Member::from).toList());
        }
    }

    /** All groups of a region: built-ins first, then custom groups by name. */
    public record GroupList(List<GroupView> items, long total) {
    }

    /** Body of POST /groups: a name, aliases, and either kinds or an explicit member list. */
    public record GroupRequest(
            @NotBlank(message = "分组名称不能为空") @Size(max = 100, message = "分组名称最多 100 个字") String name,
            @Size(max = 20, message = "别名最多 20 个")
            List<@NotBlank(message = "别名不能为空") @Size(max = 100, message = "别名最多 100 个字") String> aliases,
            @Size(max = 7, message = "单位类别最多 7 个") List<@NotNull(message = "单位类别不能为空") UnitKind> kinds,
            @Size(max = 1000, message = "成员最多 1000 个") List<@NotNull(message = "成员不能为空") UUID> memberIds) {

        List<String> aliasesOrEmpty() {
            return aliases == null ? List.of() : aliases;
        }

        List<UnitKind> kindsOrEmpty() {
            return kinds == null ? List.of() : kinds;
        }

        List<UUID> memberIdsOrEmpty() {
            return memberIds == null ? List.of() : memberIds;
        }
    }
}
