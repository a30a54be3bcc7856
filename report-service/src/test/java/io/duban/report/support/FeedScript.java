package io.duban.report.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** Scripts the {@link FakeTaskService} feed from a test: append snapshots, take it down, bring it back. */
public final class FeedScript {

    private FeedScript() {
    }

    public static void publish(Snapshots.Item... items) {
        publish(Arrays.asList(items));
    }

    public static void publish(List<Snapshots.Item> items) {
        List<Map<String, Object>> body = new ArrayList<>();
        items.forEach(i -> body.add(i.toMap()));
        given().baseUri("http://127.0.0.1").port(port()).contentType("application/json").body(body)
                .post("/control/items").then().statusCode(200);
    }

    public static void down() {
        given().baseUri("http://127.0.0.1").port(port()).post("/control/down").then().statusCode(200);
    }

    public static void up() {
        given().baseUri("http://127.0.0.1").port(port()).post("/control/up").then().statusCode(200);
    }

    public static int size() {
        return given().baseUri("http://127.0.0.1").port(port()).get("/control/size").then().statusCode(200).extract().path("size");
    }

    private static int port() {
        String url = ConfigProvider.getConfig().getValue("duban.test.fake-task-url", String.class);
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }
}
