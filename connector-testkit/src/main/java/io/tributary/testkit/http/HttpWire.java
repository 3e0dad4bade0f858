package io.tributary.testkit.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads HTTP/1.1 requests from and writes answers to a socket's streams. */
final class HttpWire {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final long MAX_BODY = 64L * 1024 * 1024;

    private HttpWire() {
    }

    /** A request that cannot be read; answered with {@link #status} and the connection closed. */
    static final class MalformedRequestException extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;

        MalformedRequestException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** The parts of a request as read from the wire. */
    record Parsed(String method, String target, String version, Map<String, List<String>> headers, byte[] body) {
    }

    /** Reads one request; null when the peer closed the connection before sending a byte. */
    static Parsed read(InputStream in, OutputStream out) throws IOException, MalformedRequestException {
        String requestLine = readLine(in, StandardCharsets.UTF_8);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in, StandardCharsets.UTF_8);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new MalformedRequestException(400, "bad request line");
        }
        Map<String, List<String>> headers = readHeaders(in);
        if (headerValue(headers, "Expect").equalsIgnoreCase("100-continue")) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        byte[] body = readBody(in, headers);
        return new Parsed(parts[0], parts[1], parts[2], headers, body);
    }

    private static Map<String, List<String>> readHeaders(InputStream in) throws IOException, MalformedRequestException {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        int total = 0;
        while (true) {
            String line = readLine(in, StandardCharsets.ISO_8859_1);
            if (line == null) {
                throw new MalformedRequestException(400, "connection closed inside the headers");
            }
            if (line.isEmpty()) {
                return headers;
            }
            total += line.length();
            if (total > MAX_HEADER_BYTES) {
                throw new MalformedRequestException(431, "headers too large");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedRequestException(400, "bad header line");
            }
            String name = line.substring(0, colon).trim();
            headers.computeIfAbsent(name, ignored -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
    }

    private static byte[] readBody(InputStream in, Map<String, List<String>> headers)
            throws IOException, MalformedRequestException {
        if (headerValue(headers, "Transfer-Encoding").toLowerCase(Locale.ROOT).contains("chunked")) {
            return readChunked(in);
        }
        String length = headerValue(headers, "Content-Length");
        if (length.isEmpty()) {
            return new byte[0];
        }
        long contentLength;
        try {
            contentLength = Long.parseLong(length);
        } catch (NumberFormatException e) {
            throw new MalformedRequestException(400, "bad Content-Length");
        }
        if (contentLength < 0 || contentLength > MAX_BODY) {
            throw new MalformedRequestException(413, "body too large");
        }
        return readExactly(in, (int) contentLength);
    }

    private static byte[] readChunked(InputStream in) throws IOException, MalformedRequestException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, StandardCharsets.ISO_8859_1);
            if (sizeLine == null) {
                throw new MalformedRequestException(400, "connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new MalformedRequestException(400, "bad chunk size");
            }
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in, StandardCharsets.ISO_8859_1);
                } while (trailer != null && !trailer.isEmpty());
                return body.toByteArray();
            }
            if (body.size() + (long) size > MAX_BODY) {
                throw new MalformedRequestException(413, "body too large");
            }
            body.writeBytes(readExactly(in, size));
            readLine(in, StandardCharsets.ISO_8859_1);
        }
    }

    private static byte[] readExactly(InputStream in, int length) throws IOException, MalformedRequestException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw new MalformedRequestException(400, "connection closed inside the body");
        }
        return bytes;
    }

    /** A line without its CRLF (a bare LF is accepted); null on end of stream before any byte. */
    private static String readLine(InputStream in, Charset charset)
            throws IOException, MalformedRequestException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            if (line.size() > MAX_LINE) {
                throw new MalformedRequestException(431, "line too long");
            }
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, charset);
    }

    private static String headerValue(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return "";
    }

    /** Writes a whole answer. HEAD answers carry the headers only. */
    static void write(OutputStream out, FakeResponse response, boolean keepAlive, boolean head) throws IOException {
        writeHead(out, response, response.bodyLength(), keepAlive);
        if (!head) {
            out.write(response.bodyUnsafe());
        }
        out.flush();
    }

    /** Writes the headers for the whole body but only its first half, for the drop-mid-body fault. */
    static void writeTruncated(OutputStream out, FakeResponse response) throws IOException {
        byte[] body = response.bodyUnsafe();
        int announced = Math.max(body.length, 2);
        writeHead(out, response, announced, true);
        out.write(body, 0, body.length / 2);
        out.flush();
    }

    private static void writeHead(OutputStream out, FakeResponse response, int contentLength, boolean keepAlive)
            throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status())).append("\r\n");
        for (Map.Entry<String, String> header : response.headers()) {
            String name = header.getKey();
            if (name.equalsIgnoreCase("Content-Length") || name.equalsIgnoreCase("Transfer-Encoding")
                    || name.equalsIgnoreCase("Connection")) {
                continue;
            }
            head.append(name).append(": ").append(header.getValue()).append("\r\n");
        }
        head.append("Content-Length: ").append(contentLength).append("\r\n");
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 410 -> "Gone";
            case 413 -> "Payload Too Large";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
