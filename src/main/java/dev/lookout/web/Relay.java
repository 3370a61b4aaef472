package dev.lookout.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One client connection: each request head, once {@link RequestHead} has checked it, goes to the JDK's server on
 * the loopback (over one connection of its own, opened at the first good request), and its responses flow back as
 * they are, a live stream included. Two threads: this one reads the client, a second copies the responses.
 *
 * <p>A refused request is answered only once the responses before it are complete (the server's side is
 * half-closed, so it finishes them and closes), so that an error never lands inside another response.
 */
final class Relay implements Runnable {

    private static final int RESPONSE_WAIT_MILLIS = 2000;

    private final Socket client;
    private final InetSocketAddress server;
    private final WebLimits limits;
    private final Executor threads;
    private final CountDownLatch responsesDone = new CountDownLatch(1);
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean refusing;
    private Socket backend;

    Relay(Socket client, InetSocketAddress server, WebLimits limits, Executor threads) {
        this.client = client;
        this.server = server;
        this.limits = limits;
        this.threads = threads;
    }

    @Override
    public void run() {
        try {
            client.setSoTimeout(limits.tickMillis());
            client.setTcpNoDelay(true);
            RequestHead heads = new RequestHead(client.getInputStream(), limits, () -> lastActivity);
            while (true) {
                byte[] head;
                try {
                    head = heads.next();
                } catch (HttpProblem p) {
                    refuse(p);
                    return;
                }
                if (head == null) {
                    return;
                }
                if (backend == null) {
                    connect();
                }
                backend.getOutputStream().write(head);
                backend.getOutputStream().flush();
                lastActivity = System.nanoTime();
            }
        } catch (IOException gone) {
            // the client or the server side closed: the connection is over
        } finally {
            close(backend);
            close(client);
        }
    }

    private void connect() throws IOException {
        backend = new Socket();
        backend.setTcpNoDelay(true);
        backend.connect(server, 5000);
        InputStream from = backend.getInputStream();
        OutputStream to = client.getOutputStream();
        threads.execute(() -> {
            byte[] chunk = new byte[16 * 1024];
            try {
                for (int n; (n = from.read(chunk)) >= 0; ) {
                    to.write(chunk, 0, n);
                    to.flush();
                    lastActivity = System.nanoTime();
                }
            } catch (IOException gone) {
                // either side closed
            } finally {
                if (!refusing) {
                    close(client); // the server ended the connection (Connection: close, its own idle limit)
                }
                responsesDone.countDown();
            }
        });
    }

    private void refuse(HttpProblem problem) {
        refusing = true;
        if (backend != null) {
            try {
                backend.shutdownOutput();
                if (!responsesDone.await(RESPONSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return; // a response still streams (a live stream): no room for an answer, just close
                }
            } catch (IOException | InterruptedException e) {
                return;
            }
        }
        WireReply.sendAndClose(client, problem, 1000);
    }

    static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
