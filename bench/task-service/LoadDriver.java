import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load driver for task-service (JDK only, run with {@code java LoadDriver.java}).
 * Each of N connections (threads) sends requests back to back for the given seconds.
 * Mode {@code reports}: POST /assignments/{id}/reports with If-Match; every thread owns its own
 * assignments and tracks their versions, so no request is a 412 by design. Mode {@code done}: the same with DONE
 * reports (under 办结审核 each puts the assignment in PENDING_REVIEW; a unit may complete again while it waits). Mode {@code list}:
 * GET /assignments?page=…&size=50. Prints requests/s and latency percentiles.
 *
 * Usage: java LoadDriver.java MODE BASE_URL TOKEN ASSIGNMENT_IDS_FILE CONNECTIONS SECONDS
 */
public class LoadDriver {

    public static void main(String[] args) throws Exception {
        String mode = args[0], base = args[1], token = args[2];
        List<String> ids = Files.readAllLines(Path.of(args[3])).stream().filter(s -> !s.isBlank()).toList();
        int connections = Integer.parseInt(args[4]);
        long seconds = Long.parseLong(args[5]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        long warmupEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        long end = warmupEnd + Duration.ofSeconds(seconds).toNanos();
        AtomicLong errors = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            final int me = c;
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            Thread t = new Thread(() -> {
                List<String> own = new ArrayList<>();
                List<Long> firstVersion = new ArrayList<>();
                for (int i = me; i < ids.size(); i += connections) {
                    // a line is "id" (version 1) or "id version"
                    String[] parts = ids.get(i).trim().split("\\s+");
                    own.add(parts[0]);
                    firstVersion.add(parts.length > 1 ? Long.parseLong(parts[1]) : 1L);
                }
                long[] versions = new long[own.size()];
                for (int i = 0; i < versions.length; i++) {
                    versions[i] = firstVersion.get(i);
                }
                int n = 0, k = 0, page = 1 + me;
                while (true) {
                    long start = System.nanoTime();
                    if (start > end) {
                        break;
                    }
                    try {
                        HttpRequest request;
                        int index = k++ % own.size();
                        if (mode.equals("reports") || mode.equals("done")) {
                            String body = mode.equals("done") ? "{\"status\":\"DONE\",\"note\":\"bench\",\"completedOn\":\"2023-10-10\"}"
                                    : "{\"status\":\"IN_PROGRESS\",\"note\":\"bench\"}";
                            request = HttpRequest.newBuilder(URI.create(base + "/assignments/" + own.get(index) + "/reports"))
                                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                    .header("If-Match", "\"" + versions[index] + "\"")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        } else {
                            request = HttpRequest.newBuilder(URI.create(base + "/assignments?size=50&page=" + (page++ % 200 + 1)))
                                    .header("Authorization", "Bearer " + token).GET().build();
                        }
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() / 100 == 2) {
                            if (mode.equals("reports") || mode.equals("done")) {
                                versions[index]++;
                            }
                            if (start > warmupEnd && n < mine.length) {
                                mine[n++] = took;
                            }
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                mine[mine.length - 1] = n;
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        List<Long> all = new ArrayList<>();
        for (long[] l : latencies) {
            int n = (int) l[l.length - 1];
            for (int i = 0; i < n; i++) {
                all.add(l[i]);
            }
        }
        all.sort(null);
        double rate = all.size() / (double) seconds;
        System.out.printf("%s: %d ok in %d s = %.0f req/s, errors %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", mode, all.size(), seconds,
                rate, errors.get(), pct(all, 0.50), pct(all, 0.99), all.isEmpty() ? 0 : all.get(all.size() - 1) / 1e6);
    }

    static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }
}
