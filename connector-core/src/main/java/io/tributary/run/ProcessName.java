package io.tributary.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A name for this process in leases and runs: {@code <role>@<host>:<pid>}. */
public final class ProcessName {
    private static final Pattern FORMAT = Pattern.compile("(.*)@([^@:\\s]+):(\\d+)");
    /** Looked up once: a host name lookup can be slow, and every lease check asks for it. */
    private static final String LOCAL_HOST = lookUpLocalHost();

    private ProcessName() {}

    public static String of(String role) {
        return role + "@" + LOCAL_HOST + ":" + ProcessHandle.current().pid();
    }

    /**
     * Whether {@code name} names a process of this host that no longer runs: proof that it died. A name from
     * another host, or one that does not parse, proves nothing (false). A reused process id makes a dead holder
     * look alive, never the reverse, so the answer errs on the safe side.
     */
    public static boolean isDeadLocalProcess(String name) {
        Matcher parts = FORMAT.matcher(name == null ? "" : name);
        if (!parts.matches() || !parts.group(2).equals(LOCAL_HOST)) {
            return false;
        }
        long pid;
        try {
            pid = Long.parseLong(parts.group(3));
        } catch (NumberFormatException e) {
            return false;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid);
        return process.isEmpty() || !process.get().isAlive();
    }

    private static String lookUpLocalHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
