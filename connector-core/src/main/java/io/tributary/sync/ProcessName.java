package io.tributary.sync;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A name for this process in leases and runs: {@code <role>@<host>:<pid>}. */
public final class ProcessName {
    private ProcessName() {}

    public static String of(String role) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return role + "@" + host + ":" + ProcessHandle.current().pid();
    }
}
