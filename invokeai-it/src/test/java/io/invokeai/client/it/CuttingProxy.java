package io.invokeai.client.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of the real server that can lose a response: the request reaches the server and
 * is processed, but the client's connection is closed instead of getting the answer. That is the fault a real
 * server cannot produce on demand and the one that decides whether a retry duplicates work. One request per
 * connection ({@code Connection: close}), bodies by {@code Content-Length}; enough for JSON calls.
 */
final class CuttingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final URI upstream;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "cutting-proxy");
        t.setDaemon(true);
        return t;
    });
    private volatile Predicate<String> cut = line -> false;
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();

    CuttingProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(this::acceptLoop);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The next {@code times} requests whose request line matches lose their response (after reaching the server). */
    void loseResponses(Predicate<String> requestLine, int times) {
        forwarded.set(0);
        cutsLeft.set(times);
        cut = requestLine;
    }

    /** Requests that reached the server whose request line matches. */
    int forwarded() {
        return forwarded.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.submit(() -> handle(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client;
                Socket up = new Socket(upstream.getHost(), upstream.getPort())) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            String requestLine = head.substring(0, head.indexOf("\r\n"));
            int length = contentLength(head);
            byte[] body = in.readNBytes(length);
            String rewritten = head.replaceAll("(?im)^connection:.*\r\n", "")
                    .replaceFirst("\r\n\r\n$", "\r\nConnection: close\r\n\r\n");
            OutputStream upOut = up.getOutputStream();
            upOut.write(rewritten.getBytes(StandardCharsets.ISO_8859_1));
            upOut.write(body);
            upOut.flush();
            byte[] response = up.getInputStream().readAllBytes(); // the server has processed the request
            if (cut.test(requestLine)) {
                forwarded.incrementAndGet();
                if (cutsLeft.getAndDecrement() > 0) {
                    return; // lose the response: close without answering
                }
            }
            client.getOutputStream().write(response);
            client.getOutputStream().flush();
        } catch (IOException | RuntimeException e) {
            // the client sees a broken connection
        }
    }

    private static String readHead(InputStream in) throws IOException {
        var out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            out.write(b);
            String s = out.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        throw new IOException("connection closed before the request head");
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
