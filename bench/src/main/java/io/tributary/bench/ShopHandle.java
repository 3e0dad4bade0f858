package io.tributary.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A fake shop running in its own JVM ({@link ShopProcess}), and the commands the benchmark sends it. */
final class ShopHandle implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    private final JsonNode description;
    final String system;

    private ShopHandle(String system, Process process) throws IOException {
        this.system = system;
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String line = out.readLine();
        while (line != null && !line.startsWith("READY ")) {
            line = out.readLine(); // a log line of the fake's libraries
        }
        if (line == null) {
            throw new IOException("the " + system + " shop process ended before it was ready (exit "
                    + exitOf(process) + ")");
        }
        this.description = new ObjectMapper().readTree(line.substring("READY ".length()));
    }

    private static String exitOf(Process process) {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** Starts a shop seeded with {@code products} and {@code orders} in a new JVM with {@code heap} of heap. */
    static ShopHandle start(String system, int products, int orders, String heap, String wooVersion, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Jvm.java(), "-Xmx" + heap, "-XX:+UseParallelGC",
                "-cp", Jvm.classPath(), ShopProcess.class.getName(), system, Integer.toString(products),
                Integer.toString(orders), "1", wooVersion));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ShopHandle(system, process);
    }

    String url() {
        return description.path("url").asText();
    }

    String accessToken() {
        return description.path("accessToken").asText();
    }

    String secret() {
        return description.path("secret").asText();
    }

    JsonNode description() {
        return description;
    }

    /** What the shop holds, without its address and credentials (for the report). */
    JsonNode summary() {
        com.fasterxml.jackson.databind.node.ObjectNode summary = description.deepCopy();
        summary.remove(List.of("url", "accessToken", "secret"));
        return summary;
    }

    /** Requests the shop received so far. */
    synchronized long requestCount() {
        return Long.parseLong(command("count"));
    }

    /** Targets (path and query) of the GETs received after request number {@code from}, in arrival order. */
    synchronized List<String> targetsAfter(long from) {
        in.println("targets " + from);
        List<String> targets = new ArrayList<>();
        try {
            for (String line = out.readLine(); !"END".equals(line); line = out.readLine()) {
                if (line == null) {
                    throw new IOException("the shop process ended");
                }
                targets.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return targets;
    }

    /** Edits {@code count} products or orders at the source. */
    synchronized void edit(String entity, int count) {
        String answer = command("edit " + entity + " " + count);
        if (!answer.equals("OK")) {
            throw new IllegalStateException("the shop could not edit: " + answer);
        }
    }

    private String command(String line) {
        in.println(line);
        try {
            String answer = out.readLine();
            if (answer == null) {
                throw new IOException("the shop process ended");
            }
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        in.println("quit");
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
