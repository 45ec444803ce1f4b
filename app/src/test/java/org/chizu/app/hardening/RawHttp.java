package org.chizu.app.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One HTTP/1.0 request (so the body comes unchunked) over a plain socket, with whatever {@code Host} header the test wants (Java's
 * HttpClient refuses to send a Host of its own choosing), as an attacker's client would send it.
 */
record RawHttp(int status, List<String> headers, String body) {

    static RawHttp get(int port, String path, String host, String... extraHeaders) throws IOException {
        return send(port, "GET " + path, host, "", extraHeaders);
    }

    /** A form as a browser posts it (application/x-www-form-urlencoded, already encoded). */
    static RawHttp postForm(int port, String path, String host, String form) throws IOException {
        return send(port, "POST " + path, host, form, "Content-Type: application/x-www-form-urlencoded",
                "Content-Length: " + form.getBytes(StandardCharsets.UTF_8).length);
    }

    private static RawHttp send(int port, String requestLine, String host, String body, String... extraHeaders) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            StringBuilder request = new StringBuilder(requestLine + " HTTP/1.0\r\nHost: " + host + "\r\nConnection: close\r\n");
            for (String header : extraHeaders) {
                request.append(header).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, end).split("\r\n");
            List<String> headers = new ArrayList<>(List.of(head).subList(1, head.length));
            return new RawHttp(Integer.parseInt(head[0].split(" ")[1]), headers, response.substring(end + 4));
        }
    }

    /** The values of one header, by name in any case. */
    List<String> header(String name) {
        String prefix = name.toLowerCase(Locale.ROOT) + ":";
        return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                .map(h -> h.substring(prefix.length()).trim()).toList();
    }
}
