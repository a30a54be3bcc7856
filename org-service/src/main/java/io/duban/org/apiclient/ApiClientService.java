package io.duban.org.apiclient;

import io.duban.common.web.Ids;
import io.duban.common.problem.FieldError;
import io.duban.common.problem.ProblemException;
import io.duban.common.web.Page;
import io.duban.common.web.PageRequest;
import io.duban.org.apiclient.ApiClientDtos.ApiClientRequest;
import io.duban.org.apiclient.ApiClientDtos.ApiClientView;
import io.duban.org.apiclient.ApiClientDtos.ClientSecret;
import io.duban.org.common.AuditInSession;
import io.duban.org.credential.AuthEvents;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.duban.org.credential.AuthEvents.Kind;
import io.duban.org.credential.RefreshTokens;
import io.duban.org.unit.UnitRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * API clients of a region. client_id is "<region>-<random>" (so a token request finds its row by key); the secret
 * is 256 random bits, shown once, stored as SHA-256. Each write's audit record commits in its transaction, its
 * sign-in-log row (auth_event) after the commit.
 */
@ApplicationScoped
public class ApiClientService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ID_CHARS = "abcdefghijkmnpqrstuvwxyz23456789";

    @Inject
    UnitRepository units;

    @Inject
    AuthEvents events;

    @Inject
    AuditInSession audit;

    @WithSession
    public Uni<Page<ApiClientView>> list(String region, PageRequest page) {
        var query = ApiClient.<ApiClient>find("region", Sort.by("name").and("id"), region);
        return query.page(io.quarkus.panache.common.Page.of(page.page() - 1, page.size())).list()
                .flatMap(items -> query.count().map(total -> Page.of(items.stream().map(c -> ApiClientView.from(c, null)).toList(), total, page)));
    }

    public Uni<ApiClientView> create(String region, ApiClientRequest req, String actor) {
        if (req == null) {
            throw ProblemException.invalidField("body", "请求体不能为空");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = req.name() == null ? "" : req.name().strip();
        if (name.isEmpty() || name.length() > 100) {
            errors.add(new FieldError("name", "接入应用名称不能为空，最多100个字"));
        }
        if (!"unit".equals(req.role()) && !"viewer".equals(req.role())) {
            errors.add(new FieldError("role", "角色应为 unit 或 viewer"));
        }
        UUID unitId = null;
        if ("unit".equals(req.role())) {
            unitId = req.unitId() == null ? null : Ids.parse(req.unitId().strip());
            if (unitId == null) {
                errors.add(new FieldError("unitId", "单位接入应用必须指定所属单位"));
            }
        } else if (req.unitId() != null && !req.unitId().isBlank()) {
            errors.add(new FieldError("unitId", "只读接入应用不属于某一单位"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors.get(0).message(), errors);
        }
        String secret = secret();
        return insert(region, name, req.role(), unitId, secret)
                .call(c -> events.record(region, Kind.CLIENT_CREATED, null, c.clientId(), null, actor, "role=" + c.role()));
    }

    @WithTransaction
    Uni<ApiClientView> insert(String region, String name, String role, UUID unitId, String secret) {
        var unit = unitId == null ? Uni.createFrom().<io.duban.org.unit.Unit>nullItem() : units.findInRegion(region, unitId);
        return unit.chain(u -> {
            if (unitId != null && (u == null || !u.active)) {
                throw ProblemException.invalidField("unitId", "单位不存在或已停用");
            }
            ApiClient c = new ApiClient();
            c.id = UUID.randomUUID();
            c.region = region;
            c.clientId = region + "-" + randomId();
            c.name = name;
            c.role = role;
            c.unitId = unitId;
            c.secretHash = RefreshTokens.hash(secret);
            return c.<ApiClient>persist().call(saved -> Panache.flush())
                    .call(saved -> audit.recordNaming(Kind.CLIENT_CREATED, 201, saved.id.toString()))
                    .map(saved -> ApiClientView.from(saved, secret));
        });
    }

    public Uni<ClientSecret> rotate(String region, UUID id, String actor) {
        String secret = secret();
        return setSecret(region, id, RefreshTokens.hash(secret))
                .call(c -> events.record(region, Kind.CLIENT_SECRET_ROTATED, null, c.clientId, null, actor, null))
                .map(c -> new ClientSecret(secret));
    }

    @WithTransaction
    Uni<ApiClient> setSecret(String region, UUID id, String hash) {
        return require(region, id).invoke(c -> {
            c.secretHash = hash;
            c.secretRotatedAt = OffsetDateTime.now();
        }).call(c -> Panache.flush()).call(c -> audit.recordNaming(Kind.CLIENT_SECRET_ROTATED, 200));
    }

    public Uni<Void> deactivate(String region, UUID id, String actor) {
        return setInactive(region, id)
                .call(c -> events.record(region, Kind.CLIENT_DEACTIVATED, null, c.clientId, null, actor, null)).replaceWithVoid();
    }

    @WithTransaction
    Uni<ApiClient> setInactive(String region, UUID id) {
        return require(region, id).invoke(c -> c.active = false).call(c -> Panache.flush())
                .call(c -> audit.recordNaming(Kind.CLIENT_DEACTIVATED, 204));
    }

    /** The active client with this id and secret, or null. */
    @WithSession
    public Uni<ApiClient> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null || clientId.length() < 8 || clientId.length() > 64 || !clientId.substring(0, 6).matches("\\d{6}")) {
            return Uni.createFrom().nullItem();
        }
        return ApiClient.<ApiClient>find("region = ?1 and clientId = ?2", clientId.substring(0, 6), clientId).firstResult()
                .map(c -> c != null && c.active && java.security.MessageDigest.isEqual(
                        c.secretHash.getBytes(), RefreshTokens.hash(secret).getBytes()) ? c : null);
    }

    private Uni<ApiClient> require(String region, UUID id) {
        return ApiClient.<ApiClient>find("region = ?1 and id = ?2", region, id).firstResult().map(c -> {
            if (c == null) {
                throw ProblemException.notFound("接入应用不存在");
            }
            return c;
        });
    }

    private static String secret() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String randomId() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ID_CHARS.charAt(RANDOM.nextInt(ID_CHARS.length())));
        }
        return sb.toString();
    }
}
