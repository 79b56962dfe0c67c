package dev.counterpoint.reliability;

/** Request bodies too big or too deep to keep as files in the repository, built when the suite runs. */
final class HostileBodies {

    private HostileBodies() {}

    static String generate(String name) {
        return switch (name) {
            case "nested-arrays" ->
                "{\"id\": \"n\", \"title\": \"T\", \"paragraphs\": " + "[".repeat(5_000) + "]".repeat(5_000) + "}";
            case "huge-paragraph" -> document("[\"" + "a".repeat(1_000_001) + "\"]", "[]");
            case "too-many-paragraphs" -> document(repeat("\"A paragraph.\"", 2_001), "[]");
            case "too-many-comments" -> document("[\"x\"]", repeat("{\"text\": \"A comment.\"}", 200_001));
            case "huge-note" ->
                "{\"labels\": [{\"dimension\": \"sentiment\", \"value\": \"negative\"}], "
                        + "\"seenVersion\": 0, \"note\": \"" + "n".repeat(100_001) + "\"}";
            default -> throw new IllegalArgumentException("no generator '" + name + "'");
        };
    }

    /**
     * Announces a 60 MB body and sends only its first bytes, as a client uploading a too-large file does: the server
     * must answer 413 from the declared length alone instead of reading (or buffering) the whole body.
     *
     * @return the status code and the body of the answer
     */
    static String[] declareOversized(int port, String path) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            String credentials = java.util.Base64.getEncoder()
                    .encodeToString("admin:test-admin-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (60L * 1024 * 1024)
                    + "\r\nConnection: close\r\n\r\n{\"id\": \"big\", \"title\": \"";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            String status = answer.substring(answer.indexOf(' ') + 1, answer.indexOf(' ') + 4);
            int bodyStart = answer.indexOf("\r\n\r\n");
            return new String[] {status, bodyStart < 0 ? "" : answer.substring(bodyStart + 4)};
        }
    }

    private static String document(String paragraphs, String comments) {
        return "{\"id\": \"generated\", \"title\": \"Generated\", \"paragraphs\": " + paragraphs + ", \"comments\": "
                + comments + "}";
    }

    private static String repeat(String element, int count) {
        StringBuilder json = new StringBuilder(element.length() * count + 2).append('[');
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append(element);
        }
        return json.append(']').toString();
    }
}
