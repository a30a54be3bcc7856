import io.duban.common.security.VerifiedTokenCache;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.build.Jwt;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

/** CPU time per bearer-token check on one thread: smallrye-jwt's parse (RS256) vs the verified-token cache. */
public class TokenVerifyCpu {
    public static void main(String[] a) throws Exception {
        String keys = a[0];
        String pem = Files.readString(Path.of(keys, "duban-test-private.pem")).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        String token = Jwt.issuer("duban").upn("bench").groups(Set.of("supervisor")).claim("region", "370399").expiresIn(3600).sign(key);
        JWTAuthContextInfo info = new JWTAuthContextInfo(Path.of(keys, "duban-test-public.pem").toString(), "duban");
        DefaultJWTParser parser = new DefaultJWTParser(info);
        VerifiedTokenCache cache = new VerifiedTokenCache(10_000, Duration.ofMinutes(5), System::currentTimeMillis);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int n = Integer.parseInt(a[1]);
        for (int round = 0; round < 6; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) parser.parse(token);
            long t1 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) cache.verified(token, parser::parse);
            long t2 = mx.getCurrentThreadCpuTime();
            System.out.printf("round %d: smallrye parse %.1f µs CPU/token, cached %.2f µs CPU/token (%d each)%n",
                    round, (t1 - t0) / 1e3 / n, (t2 - t1) / 1e3 / n, n);
        }
    }
}
