package org.solidarityfunds.problem;

import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * Requests REST Assured cannot send: exact bytes, bodies in chunks without a length, and
 * whole requests written octet by octet (a NUL in a header, broken UTF-8 in a path).
 */
final class RawRequests {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private RawRequests() {
    }

    /** POSTs these bytes with a Content-Length. */
    static HttpResponse<String> post(String token, String path, byte[] body) {
        return send(token, path, HttpRequest.BodyPublishers.ofByteArray(body));
    }

    /** POSTs these bytes with Transfer-Encoding: chunked (the publisher has no known length). */
    static HttpResponse<String> postChunked(String token, String path, byte[] body) {
        return send(token, path, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    }

    private static HttpResponse<String> send(String token, String path, HttpRequest.BodyPublisher body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(body).build();
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer as read off the wire. */
    record Answer(int status, String contentType, String body) {
    }

    /**
     * Writes this whole HTTP/1.1 request, octet for octet, on a connection of its own, and reads
     * the answer up to the server's close (the request must say {@code Connection: close}).
     */
    static Answer exchange(byte[] request) {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer parse(byte[] answer) throws IOException {
        int headEnd = indexOf(answer, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (headEnd < 0) {
            throw new IOException("no complete answer: " + new String(answer, StandardCharsets.ISO_8859_1));
        }
        String[] head = new String(answer, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        String contentType = null;
        boolean chunked = false;
        for (String line : Arrays.asList(head).subList(1, head.length)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (name.equals("content-type")) {
                contentType = value;
            } else if (name.equals("transfer-encoding") && value.equalsIgnoreCase("chunked")) {
                chunked = true;
            }
        }
        byte[] body = Arrays.copyOfRange(answer, headEnd + 4, answer.length);
        return new Answer(status, contentType, new String(chunked ? unchunked(body) : body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunked(byte[] chunks) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(chunks);
        while (true) {
            StringBuilder size = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("chunked answer cut short");
                }
                size.append((char) c);
            }
            int length = Integer.parseInt(size.toString().split(";")[0].trim(), 16);
            if (length == 0) {
                return body.toByteArray();
            }
            body.write(in.readNBytes(length));
            in.skipNBytes(2);
        }
    }

    private static int indexOf(byte[] bytes, byte[] part, int from) {
        for (int i = from; i <= bytes.length - part.length; i++) {
            if (Arrays.equals(bytes, i, i + part.length, part, 0, part.length)) {
                return i;
            }
        }
        return -1;
    }
}
