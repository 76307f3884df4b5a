package io.mirrordrill.adapter.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A forward HTTP proxy for one request, on 127.0.0.1: it records the absolute-form request line, rewrites it to
 * origin form and relays the exchange to a server on 127.0.0.1, answering {@code Connection: close}.
 */
final class OneShotProxy implements AutoCloseable {
    private final ServerSocket socket;
    private final Thread thread;
    private volatile String requestLine;

    OneShotProxy(int targetPort) throws IOException {
        socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> relay(targetPort), "one-shot-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    String requestLine() {
        return requestLine;
    }

    private void relay(int targetPort) {
        try (Socket client = socket.accept();
             Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            String head = readHead(client.getInputStream());
            requestLine = head.substring(0, head.indexOf("\r\n"));
            String[] parts = requestLine.split(" ");
            String path = parts[1].replaceFirst("^http://[^/]+", "");
            String rest = head.substring(head.indexOf("\r\n"))
                    .replaceAll("(?im)^(proxy-)?connection:.*\\r\\n", "");
            OutputStream out = target.getOutputStream();
            out.write((parts[0] + " " + path + " " + parts[2] + rest.replaceFirst("\\r\\n\\r\\n$",
                    "\r\nConnection: close\r\n\r\n")).getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            target.getInputStream().transferTo(client.getOutputStream());
        } catch (IOException e) {
            // the test sees the failure on the client side
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client closed before the end of the request head");
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
