package dev.counterpoint.classify.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Social-media text clean-up shared by the encoder input and the n-gram tokeniser.
 * <ul>
 *   <li>{@link #clean}: literal "\\uXXXX" escapes and common HTML entities decoded, URLs → "http",
 *       the SemEval marker "#SemST" removed, whitespace collapsed. Case and hashtags kept (for the encoder).</li>
 *   <li>{@link #tokens}: lower-case tokens for n-grams: @mentions → "@user", URLs → "http", hashtags kept as
 *       "#tag" and also split into words (camelCase / digits), elongations capped ("soooo" → "soo"),
 *       emoticons, "!"/"?" runs and emoji kept as tokens.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class TextNormalizer {

    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern SEMST = Pattern.compile("(?i)#semst\\b");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1{2,}");
    private static final Pattern CAMEL =
            Pattern.compile("(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{L})(?=\\p{N})|(?<=\\p{N})(?=\\p{L})|_");
    /** Order matters: URL, mention, hashtag, emoticon, word (with inner apostrophes), punctuation runs, emoji. */
    private static final Pattern TOKEN = Pattern.compile("(?<url>http\\b)"
            + "|(?<mention>@\\w+)"
            + "|(?<hashtag>#\\w+)"
            + "|(?<emoticon>[:;=8][\\-o*']?[)\\](\\[dDpP/\\\\|@3]+|<3)"
            + "|(?<word>[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*)"
            + "|(?<punct>[!?]+)"
            + "|(?<emoji>[\\x{1F000}-\\x{1FAFF}\\x{2600}-\\x{27BF}])");

    private TextNormalizer() {}

    public static String clean(String raw) {
        if (raw == null) return "";
        String s = raw;
        if (s.indexOf('\\') >= 0) {
            Matcher m = UNICODE_ESCAPE.matcher(s);
            StringBuilder sb = new StringBuilder();
            while (m.find())
                m.appendReplacement(
                        sb, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
            m.appendTail(sb);
            s = sb.toString();
        }
        if (s.indexOf('&') >= 0) {
            s = s.replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'");
        }
        s = URL.matcher(s).replaceAll("http");
        s = SEMST.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    /** Lower-case n-gram tokens of a raw text (applies {@link #clean} first). */
    public static List<String> tokens(String raw) {
        String s = clean(raw);
        List<String> out = new ArrayList<>(s.length() / 4 + 4);
        Matcher m = TOKEN.matcher(s);
        while (m.find()) {
            if (m.group("url") != null) out.add("http");
            else if (m.group("mention") != null) out.add("@user");
            else if (m.group("hashtag") != null) {
                String tag = m.group("hashtag").substring(1);
                out.add("#" + squash(tag.toLowerCase(Locale.ROOT)));
                String[] parts = CAMEL.split(tag);
                if (parts.length > 1) {
                    for (String p : parts) if (!p.isEmpty()) out.add(squash(p.toLowerCase(Locale.ROOT)));
                } else {
                    out.add(squash(tag.toLowerCase(Locale.ROOT)));
                }
            } else if (m.group("emoticon") != null) out.add(m.group("emoticon"));
            else if (m.group("word") != null)
                out.add(squash(m.group("word").toLowerCase(Locale.ROOT).replace('’', '\'')));
            else if (m.group("punct") != null) {
                String p = m.group("punct");
                out.add(p.length() > 2 ? p.substring(0, 2) : p);
            } else out.add(m.group("emoji"));
        }
        return out;
    }

    private static String squash(String w) {
        return ELONGATION.matcher(w).replaceAll("$1$1");
    }
}
