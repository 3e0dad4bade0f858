package io.tributary.bench;

import java.nio.file.Path;

/** How to start another JVM like this one. */
final class Jvm {
    private Jvm() {}

    /** The {@code java} launcher of the running JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's class path: the benchmark jar, or the test class path when run from a test. */
    static String classPath() {
        return System.getProperty("java.class.path");
    }
}
