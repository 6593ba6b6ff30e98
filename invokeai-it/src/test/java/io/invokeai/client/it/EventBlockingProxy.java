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

/**
 * A loopback HTTP proxy in front of the real server that lets every REST call through (keep-alive connections,
 * {@code Content-Length} or chunked bodies) but cuts every attempt to open the event connection (the Socket.IO
 * WebSocket upgrade): the client sees the event stream as unavailable, as behind a proxy that forbids WebSockets.
 */
final class EventBlockingProxy implements AutoCloseable {
    private final ServerSocket server;
    private final URI upstream;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "event-blocking-proxy");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger blocked = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();

    EventBlockingProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(this::acceptLoop);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Event-connection attempts cut so far. */
    int blockedUpgrades() {
        return blocked.get();
    }

    /** REST requests forwarded so far. */
    int forwardedRequests() {
        return forwarded.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                pool.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client;
                Socket up = new Socket(upstream.getHost(), upstream.getPort())) {
            InputStream fromClient = client.getInputStream();
            OutputStream toUpstream = up.getOutputStream();
            pool.submit(() -> pipe(up, client));
            while (true) {
                String head = readHead(fromClient);
                if (head == null) {
                    return;
                }
                String lower = head.toLowerCase(Locale.ROOT);
                String requestLine = head.substring(0, Math.max(0, head.indexOf("\r\n")));
                if (requestLine.contains("/ws/socket.io") || lower.contains("\r\nupgrade: websocket")) {
                    blocked.incrementAndGet();
                    return; // cut: the client sees a connection reset
                }
                forwarded.incrementAndGet();
                toUpstream.write(head.getBytes(StandardCharsets.ISO_8859_1));
                if (lower.contains("\r\ntransfer-encoding: chunked")) {
                    copyChunked(fromClient, toUpstream);
                } else {
                    copy(fromClient, toUpstream, contentLength(lower));
                }
                toUpstream.flush();
            }
        } catch (IOException e) {
            // a connection ended
        }
    }

    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // a connection ended
        } finally {
            try {
                to.close();
            } catch (IOException e) {
                // nothing to do
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static long contentLength(String lowerHead) {
        int i = lowerHead.indexOf("\r\ncontent-length:");
        if (i < 0) {
            return 0;
        }
        int end = lowerHead.indexOf("\r\n", i + 2);
        return Long.parseLong(lowerHead.substring(i + 17, end).trim());
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException("the body ended early");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void copyChunked(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String sizeLine = readLine(in);
            out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            int semicolon = sizeLine.indexOf(';');
            long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                    out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                } while (!trailer.isEmpty());
                return;
            }
            copy(in, out, size + 2); // data and its CRLF
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1) {
            throw new IOException("the stream ended");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
