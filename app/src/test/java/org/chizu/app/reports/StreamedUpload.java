package org.chizu.app.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A multipart upload streamed over a plain socket as a slow phone would send it, 64 KB at a time,
 * while the answer is read as it comes: it tells how much of the body the client managed to write
 * before the server answered and closed the connection.
 */
final class StreamedUpload {

    private static final int PIECE = 64 * 1024;

    private final String boundary = "chizu-" + UUID.randomUUID();
    private final List<Object> pieces = new ArrayList<>();

    StreamedUpload field(String name, String value) {
        pieces.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n"));
        return this;
    }

    /** A file part of {@code size} bytes that begin like a JPEG. */
    StreamedUpload file(String name, String fileName, long size) {
        pieces.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: image/jpeg\r\n\r\n"));
        pieces.add(size);
        pieces.add(text("\r\n"));
        return this;
    }

    long length() {
        return pieces.stream().mapToLong(p -> p instanceof byte[] bytes ? bytes.length : (Long) p).sum() + closing().length;
    }

    /** Sends the body with its Content-Length, or chunked when {@code declareLength} is false. */
    Answer post(int port, String path, boolean declareLength) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSendBufferSize(PIECE);
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readUntilClosed(socket));
            OutputStream out = socket.getOutputStream();
            out.write(text("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAccept: application/json\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + boundary + "\r\n"
                    + (declareLength ? "Content-Length: " + length() : "Transfer-Encoding: chunked") + "\r\n\r\n"));
            long written = 0;
            try {
                for (Object piece : pieces) {
                    if (piece instanceof byte[] bytes) {
                        written += send(out, bytes, bytes.length, declareLength);
                    } else {
                        byte[] filler = new byte[PIECE];
                        filler[0] = (byte) 0xFF;
                        filler[1] = (byte) 0xD8;
                        for (long left = (Long) piece; left > 0; left -= PIECE) {
                            written += send(out, filler, (int) Math.min(PIECE, left), declareLength);
                            filler[0] = 0;
                            filler[1] = 0;
                        }
                    }
                }
                written += send(out, closing(), closing().length, declareLength);
                if (!declareLength) {
                    out.write(text("0\r\n\r\n"));
                }
                out.flush();
            } catch (IOException closedByTheServer) {
                // What was written until now is the measurement.
            }
            return new Answer(answer.get(60, TimeUnit.SECONDS), written);
        }
    }

    private static long send(OutputStream out, byte[] bytes, int length, boolean declareLength) throws IOException {
        if (!declareLength) {
            out.write(text(Integer.toHexString(length) + "\r\n"));
        }
        out.write(bytes, 0, length);
        if (!declareLength) {
            out.write(text("\r\n"));
        }
        return length;
    }

    private static String readUntilClosed(Socket socket) {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) >= 0;) {
                received.write(buffer, 0, read);
            }
        } catch (IOException reset) {
            // A reset after the answer: what arrived before it is the answer.
        }
        return received.toString(StandardCharsets.UTF_8);
    }

    private byte[] closing() {
        return text("--" + boundary + "--\r\n");
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The server's answer as received (status line, headers, body) and how many body bytes were written. */
    record Answer(String response, long bodyBytesWritten) {

        int status() {
            return response.isEmpty() ? -1 : Integer.parseInt(response.split(" ", 3)[1]);
        }
    }
}
