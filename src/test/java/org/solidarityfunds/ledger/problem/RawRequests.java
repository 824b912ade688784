package org.solidarityfunds.ledger.problem;

import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** Requests REST Assured cannot send: exact bytes, and bodies in chunks without a length. */
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
}
