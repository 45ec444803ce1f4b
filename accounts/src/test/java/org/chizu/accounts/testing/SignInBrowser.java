package org.chizu.accounts.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for tests against a running server: keeps cookies, does not follow redirects (so each
 * step can be checked), and signs in through the form as a person would.
 */
public final class SignInBrowser {

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    public SignInBrowser(int port) {
        this.port = port;
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), BodyHandlers.ofString());
    }

    /** Sends a request whose answer is not text, such as a download read as bytes. */
    public <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
        return client.send(request.build(), body);
    }

    /** Fills in the sign-in form with the CSRF token the page carries. */
    public HttpResponse<String> signIn(String name, String password) throws IOException, InterruptedException {
        return submit("/login", "/login", Map.of("username", name, "password", password));
    }

    /**
     * Opens a page and submits its form to {@code action} with these fields and the CSRF token the
     * page carries, as a person's browser would.
     */
    public HttpResponse<String> submit(String page, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get(page).body());
        assertThat(csrf.find()).as(page + " carries a CSRF token").isTrue();
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1));
        String body = form.entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(action).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** Sends JSON as the web map's script does in a signed-in browser: with the XSRF-TOKEN cookie as header. */
    public HttpResponse<String> sendJson(String method, String path, String json) throws IOException, InterruptedException {
        if (cookies.getCookieStore().getCookies().stream().noneMatch(cookie -> cookie.getName().equals("XSRF-TOKEN"))) {
            get("/api/me");
        }
        return send(request(path).method(method, HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", cookie("XSRF-TOKEN")));
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }
}
