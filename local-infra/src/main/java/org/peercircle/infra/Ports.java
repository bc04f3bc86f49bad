package org.peercircle.infra;

import java.io.IOException;
import java.net.ServerSocket;

/** Free TCP ports on loopback for servers started by tests. */
public final class Ports {

    private Ports() {
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
