package org.chizu.accounts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A browser across several servers, as a person's is: it keeps each host's cookies, follows links and
 * redirects and submits a page's form with every field the page put in it (hidden fields, ticked
 * boxes) and those the person fills in.
 */
final class FollowingBrowser {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern INPUT = Pattern.compile("<input[^>]*>");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\\bvalue=\"([^\"]*)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    HttpResponse<String> open(URI address) throws IOException, InterruptedException {
        return follow(client.send(HttpRequest.newBuilder(address).header("Accept", "text/html").build(), BodyHandlers.ofString()));
    }

    /** Follows the page's link to {@code href}. */
    HttpResponse<String> click(HttpResponse<String> page, String href) throws IOException, InterruptedException {
        assertThat(page.body()).as(page.uri() + " links to " + href).contains("href=\"" + href + "\"");
        return open(page.uri().resolve(href));
    }

    /** Submits the page's form with what it carries and the fields filled in. */
    HttpResponse<String> submit(HttpResponse<String> page, Map<String, String> filledIn) throws IOException, InterruptedException {
        Matcher action = FORM_ACTION.matcher(page.body());
        assertThat(action.find()).as(page.uri() + " has a form").isTrue();
        List<String> fields = new ArrayList<>();
        Matcher input = INPUT.matcher(page.body());
        while (input.find()) {
            Matcher name = NAME.matcher(input.group());
            Matcher value = VALUE.matcher(input.group());
            if (name.find() && value.find() && !filledIn.containsKey(name.group(1))) {
                fields.add(field(name.group(1), value.group(1)));
            }
        }
        filledIn.forEach((name, value) -> fields.add(field(name, value)));
        HttpRequest request = HttpRequest.newBuilder(page.uri().resolve(action.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", fields))).build();
        return follow(client.send(request, BodyHandlers.ofString()));
    }

    HttpResponse<String> get(URI address) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(address).build(), BodyHandlers.ofString());
    }

    private HttpResponse<String> follow(HttpResponse<String> response) throws IOException, InterruptedException {
        for (int hops = 0; response.statusCode() / 100 == 3; hops++) {
            assertThat(hops).as("redirects from " + response.uri()).isLessThan(10);
            URI next = response.uri().resolve(response.headers().firstValue("Location").orElseThrow());
            response = client.send(HttpRequest.newBuilder(next).header("Accept", "text/html").build(), BodyHandlers.ofString());
        }
        return response;
    }

    private static String field(String name, String value) {
        return Stream.of(name, value).map(part -> URLEncoder.encode(part, StandardCharsets.UTF_8)).collect(Collectors.joining("="));
    }
}
